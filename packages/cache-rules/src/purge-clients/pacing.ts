import type { PurgeClock } from './types.ts';

/**
 * A `Retry-After` header as milliseconds from `now`: delay-seconds or an HTTP-date (RFC 9110
 * §10.2.3). Undefined when absent or unreadable; a date in the past is 0.
 *
 * @example
 * retryAfterMs('120', Date.now()); // 120000
 */
export function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date always names its day and month in letters; Date.parse alone would take "5" as a year.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The clock everything uses unless a test passes its own. */
export const realClock: PurgeClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** One documented rate limit, as the token bucket the CDN describes: a burst, then a steady rate. */
export interface TokenBucket {
  capacity: number;
  refillPerSecond: number;
}

/**
 * Token buckets by name (`requests`, `tags`, `urls`…): each request takes its cost from each, and
 * waits, on the given clock, until all of them hold enough. It paces a client to a CDN's
 * documented limits so that a large plan is slowed down rather than answered with 429s. The limits
 * are usually per account, so other clients share them: a 429 can still come, and is retried.
 */
export class RateLimiter {
  readonly #buckets: Map<string, TokenBucket & { tokens: number; at: number | undefined }>;

  constructor(buckets: Record<string, TokenBucket>) {
    this.#buckets = new Map(Object.entries(buckets).map(([name, bucket]) => [name, { ...bucket, tokens: bucket.capacity, at: undefined }]));
  }

  /** Waits until every bucket holds `cost[name]` tokens, takes them, and resolves to how long it waited. */
  async take(cost: Record<string, number>, clock: PurgeClock): Promise<number> {
    let waited = 0;
    for (;;) {
      const now = clock.now();
      let wait = 0;
      for (const [name, bucket] of this.#buckets) {
        if (bucket.at !== undefined) bucket.tokens = Math.min(bucket.capacity, bucket.tokens + ((now - bucket.at) * bucket.refillPerSecond) / 1000);
        bucket.at = now;
        // A request bigger than the whole bucket could never go: it waits for a full bucket instead.
        const need = Math.min(cost[name] ?? 0, bucket.capacity);
        // (1e-9: a refill computed in floating point may fall a hair short of the whole token it is.)
        if (bucket.tokens + 1e-9 < need) wait = Math.max(wait, Math.ceil(((need - bucket.tokens) * 1000) / bucket.refillPerSecond));
      }
      if (wait === 0) {
        for (const [name, bucket] of this.#buckets) bucket.tokens = Math.max(0, bucket.tokens - Math.min(cost[name] ?? 0, bucket.capacity));
        return waited;
      }
      await clock.sleep(wait);
      waited += wait;
    }
  }
}
