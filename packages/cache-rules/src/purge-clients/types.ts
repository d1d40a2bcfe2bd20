/** Every CDN (or cache) a purge client exists for. */
export const PURGE_TARGETS = ['fastly', 'cloudflare', 'akamai', 'netlify', 'vercel', 'varnish'] as const;
/** A CDN a purge client exists for. */
export type PurgeTarget = (typeof PURGE_TARGETS)[number];

/**
 * Whether a string names a purge target.
 *
 * @example
 * isPurgeTarget('akamai'); // true
 */
export function isPurgeTarget(name: string): name is PurgeTarget {
  return (PURGE_TARGETS as readonly string[]).includes(name);
}

/** A Web `fetch`; tests and proxies pass their own. */
export type Fetch = (request: Request) => Promise<Response>;

/**
 * What to evict: the build's or the site's exact plan (`purge-plan.json`, `exactPurgePlan`).
 *
 * - `keys`: purge keys (Surrogate-Key, Cache-Tag, Edge-Cache-Tag, xkey…) that reach only changed pages;
 * - `urls`: every changed URL, a path (`/posts/a`) or absolute;
 * - `urlsWithoutKey`: the changed URLs no planned key reaches (a new URL's cached 404 carries no
 *   key). Only these are purged by URL. When it is absent, every URL in `urls` is;
 * - `prefixes`: URL prefixes (`www.example.com/posts/`), which only Cloudflare purges.
 */
export interface PurgeInput {
  urls: readonly string[];
  keys: readonly string[];
  urlsWithoutKey?: readonly string[];
  prefixes?: readonly string[];
}

/** How one purge runs. */
export interface PurgeCallOptions {
  /**
   * Mark objects stale (served while they refetch) rather than evict them, where the CDN can:
   * Fastly `Fastly-Soft-Purge: 1`, Akamai `invalidate`, Vercel `invalidate-by-tags`, Varnish
   * `xkey-softpurge`. Cloudflare and Netlify purge hard and say so in `notices`. Default: the
   * client's `soft` option, else hard.
   */
  soft?: boolean;
  /** Plan the requests and report them without sending any. */
  dryRun?: boolean;
}

/** Time, for waiting between attempts and pacing to a rate limit; tests pass a fake one. */
export interface PurgeClock {
  /** The current time in milliseconds since the epoch, as `Date.now()`; used for rate pacing and `Retry-After` dates. */
  now(): number;
  /** Resolves after `ms` milliseconds: how the client waits out backoff, pacing and `Retry-After`. */
  sleep(ms: number): Promise<void>;
}

/** How a client retries a request the CDN answered with 408, 429 or 5xx, or could not be reached for. */
export interface RetryOptions {
  /** Attempts per request, the first included; default 5. */
  maxAttempts?: number;
  /** The first backoff; each retry waits twice as long as the one before; default 1000 ms. */
  baseDelayMs?: number;
  /** The longest backoff; default 30,000 ms. */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is reported as a (retryable) failure instead of waited out; default 120,000 ms. */
  maxRetryAfterMs?: number;
  /** Give up on one attempt after this long (0: never); default 30,000 ms. */
  timeoutMs?: number;
}

/** What every client takes besides its CDN's own settings. */
export interface PurgeClientOptions {
  /** Default `globalThis.fetch`. */
  fetch?: Fetch;
  /** Default the real clock (`Date.now`, `setTimeout`). */
  clock?: PurgeClock;
  retry?: RetryOptions;
  /** The default for `PurgeCallOptions.soft`. */
  soft?: boolean;
}

/** What one request purges. */
export interface PurgeItems {
  kind: 'keys' | 'urls' | 'prefixes';
  items: string[];
}

/** One request a purge sent (or would send), as data: credentials are masked. */
export interface PurgeRequestReport {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  purges: PurgeItems;
  /** `purged` (2xx), `failed`, `not-sent` (an earlier request failed), or `dry-run`. */
  outcome: 'purged' | 'failed' | 'not-sent' | 'dry-run';
  /** How many times it was sent. */
  attempts: number;
  /** The last answer's status. */
  status?: number;
  /** The start of the last answer's body: purge ids, "Invalidated 2 objects", error text. */
  response?: string;
  /** How long the client waited before and between its attempts (rate pacing, backoff, Retry-After). */
  waitedMs: number;
}

/** Why a purge request failed, in `PurgeFailure.code`; each says whether sending the plan again can help. */
export type PurgeFailureCode =
  /** The CDN refused the request (4xx other than 408 and 429): sending it again will not help. */
  | 'rejected'
  /** 429 on every attempt, or a `Retry-After` longer than `maxRetryAfterMs`. */
  | 'rate-limited'
  /** 5xx (or 408) on every attempt. */
  | 'server-error'
  /** No answer (DNS, connection, timeout) on every attempt. */
  | 'unreachable'
  /** The plan or the client's settings cannot make a request (a path and no `siteUrl`). */
  | 'invalid-input'
  /** The injected signer (Akamai EdgeGrid) threw. */
  | 'signing-failed';

/** A purge that was not done, as data: what failed and whether running the same plan again can help. */
export interface PurgeFailure {
  code: PurgeFailureCode;
  message: string;
  retryable: boolean;
}

/** Where a purge did other than asked without failing, in `PurgeNotice.code`. */
export type PurgeNoticeCode =
  /** Soft was asked and the CDN only purges hard: it evicts instead. */
  | 'soft-unsupported'
  /** Soft was asked and this kind of purge is hard (Varnish URL purges). */
  | 'hard-url-purge'
  /** URLs that need a purge by URL, and the CDN's API has none: they stay until they expire. */
  | 'urls-not-purged'
  /** Prefixes were given, and the CDN's API takes none. */
  | 'prefixes-not-purged'
  /** A key longer than the CDN takes: no cached object can carry it, so it was left out. */
  | 'key-skipped';

/** Where a purge did something other than what was asked, though nothing failed. */
export interface PurgeNotice {
  code: PurgeNoticeCode;
  message: string;
  items?: string[];
}

/**
 * What a purge did. `ok` is true when no request failed; `notices` say where it did less or other
 * than asked (no soft purge, no purge by URL), and `unpurged` lists what is still cached as far as
 * the client knows: items of failed and unsent requests, and what the CDN cannot purge.
 */
export interface PurgeResult {
  ok: boolean;
  /** The purger's name: its target, or `dry-run`. */
  purger: string;
  dryRun: boolean;
  soft: boolean;
  requests: PurgeRequestReport[];
  failures: PurgeFailure[];
  notices: PurgeNotice[];
  unpurged: { keys: string[]; urls: string[]; prefixes: string[] };
}

/** What a client can purge. */
export interface PurgeSupport {
  keys: boolean;
  urls: boolean;
  prefixes: boolean;
  soft: boolean;
}

/**
 * Evicts a purge plan from one CDN. `purge` batches it within the CDN's documented limits, paces
 * and retries, and never throws: every outcome is in its result. The same plan gives the same
 * requests, in the same order, every time, and sending them twice is harmless.
 */
export interface Purger {
  /** Its target (`fastly`…), or `dry-run:<target>` for a dry-run wrapper. */
  name: string;
  supports: PurgeSupport;
  /**
   * Sends the requests that evict `plan` (or only reports them with `dryRun`), and resolves to what happened:
   * every request, failure and notice. Never rejects.
   */
  purge(plan: PurgeInput, options?: PurgeCallOptions): Promise<PurgeResult>;
}
