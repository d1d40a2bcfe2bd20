/** A `fetch` the purgers call; tests pass one that records the requests instead of sending them. */
export type Fetch = (request: Request) => Promise<Response>;

/** One HTTP request a purger sends (or would send), as data: credentials are never included. */
export interface PurgeRequestSummary {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** What the CDN said to one request. */
export interface PurgeResponseSummary {
  request: PurgeRequestSummary;
  status: number;
  /** The start of the CDN's answer, for the log: purge ids, "Invalidated 2 objects", error text. */
  body: string;
}

/** A purge that could not be done, as data: what failed and whether sending it again can help. */
export interface PurgeFailure {
  code: 'purge-rejected' | 'purge-unreachable';
  message: string;
  retryable: boolean;
}

export type PurgeResult =
  | { ok: true; purger: string; dryRun: boolean; requests: PurgeRequestSummary[]; responses: PurgeResponseSummary[] }
  | { ok: false; purger: string; dryRun: false; requests: PurgeRequestSummary[]; responses: PurgeResponseSummary[]; failure: PurgeFailure };

/**
 * What to evict, from `@alphanode/site`'s `exactPurgePlan`: the keys that reach only changed pages,
 * every changed URL, and the changed URLs no planned key reaches (a page whose keys unchanged pages
 * share, or a new URL whose cached 404 carries no key), which only a purge by URL can evict.
 */
export interface PurgeTargets {
  keys: readonly string[];
  urls: readonly string[];
  urlsWithoutKey?: readonly string[];
}

/**
 * Evicts a purge plan from one CDN. `requests` is pure (what would be sent, for a dry run and for
 * tests); `purge` sends them and reports every answer, never throwing.
 */
export interface Purger {
  name: string;
  /**
   * Whether it evicts `urlsWithoutKey` by URL. One that purges by key only is given, for those
   * URLs, the keys they carry instead: a wider purge, but no stale page.
   */
  purgesUrls: boolean;
  requests(plan: PurgeTargets): Request[];
  purge(plan: PurgeTargets): Promise<PurgeResult>;
}
