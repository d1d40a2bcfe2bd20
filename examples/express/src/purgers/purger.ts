import type { PurgePlan } from '@alphanode/cache-rules';

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
 * Evicts a purge plan's keys from one CDN. `requests` is pure (what would be sent, for a dry run
 * and for tests); `purge` sends them and reports every answer, never throwing.
 */
export interface Purger {
  name: string;
  requests(plan: Pick<PurgePlan, 'keys' | 'urls'>): Request[];
  purge(plan: Pick<PurgePlan, 'keys' | 'urls'>): Promise<PurgeResult>;
}
