import type { VerifyFetch, VerifyNotice } from './types.ts';

/** A fetch that answers only under one origin and at most `max` times; what it refused is a notice. */
export interface BoundedFetch {
  /** The response, or a notice saying why there is none. */
  get(path: string, headers: Record<string, string>): Promise<Response | VerifyNotice>;
  /** Requests sent so far. */
  used(): number;
  /** Whether no request is left. */
  exhausted(): boolean;
}

/**
 * Resolves every path against `base` and refuses any that lands on another origin, so a sitemap or
 * a plan naming a production host never sends traffic there. Redirects are not followed: a
 * Location elsewhere is reported as the response it is.
 */
export function boundedFetch(fetch: VerifyFetch, base: URL, max: number, timeoutMs: number): BoundedFetch {
  let used = 0;
  return {
    async get(path, headers) {
      const url = new URL(path, base);
      if (url.origin !== base.origin) return { code: 'off-origin', message: `${url.href} is not under ${base.origin}: not requested`, url: path };
      if (used >= max) return { code: 'budget-exhausted', message: `the ${max} requests allowed (--max-requests) are used up`, url: path };
      used++;
      try {
        return await fetch(new Request(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) }));
      } catch (error) {
        return { code: 'fetch-failed', message: `${path}: ${error instanceof Error ? error.message : String(error)}`, url: path };
      }
    },
    used: () => used,
    exhausted: () => used >= max,
  };
}

/** Runs `task` over every item with at most `concurrency` at once, keeping the items' order in the result. */
export async function mapPool<T, R>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
