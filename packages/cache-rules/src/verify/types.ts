import type { CacheStatusReading } from './cache-status.ts';

/** A Web `fetch`; tests pass one that answers in memory. */
export type VerifyFetch = (request: Request) => Promise<Response>;

/** Who a request claims to be: nobody, a session cookie, or an Authorization header. */
export type Visitor = 'anonymous' | 'cookie' | 'authorization';

/** One response as the checks saw it: its status, the caching headers, how long it took and a hash of its bytes. */
export interface Observation {
  /** The path and query requested, relative to the base URL. */
  url: string;
  visitor: Visitor;
  status: number;
  /** The response headers the checks read, lowercase names. */
  headers: Record<string, string>;
  /** Whether the response set a cookie. */
  setsCookie: boolean;
  cache: CacheStatusReading;
  bytes: number;
  /** From sending the request to the last byte of the body. */
  ms: number;
  /** SHA-256 of the body, hex, first 16 characters: enough to tell two pages apart. */
  hash: string;
}

/** A caching header that is not what the rules decide for that request. */
export interface Drift {
  url: string;
  visitor: Visitor;
  /** The rule that decided the request, or null when none matched. */
  rule: string | null;
  /** `Cache-Control`, `Vary`, or the target's key header. */
  header: string;
  /** What the rules write; '' for none. */
  expected: string;
  /** What came back; '' for none. */
  actual: string;
}

/** Why a logged-in request counts as a leak, in `Leak.code`. */
export type LeakCode =
  /** A request the rules keep out of shared caches was answered from one. */
  | 'served-from-cache'
  /** It carried `Age` > 0: a cache held it. */
  | 'aged'
  /** Its Cache-Control lets a shared cache store it (neither private nor no-store). */
  | 'shareable'
  /** It got the anonymous copy's bytes though the origin's answer for this visitor differs. */
  | 'anonymous-bytes'
  /** An anonymous request right after it got its bytes. */
  | 'personal-bytes-shared';

/** A logged-in (or authorised) answer that a shared cache handled as if it were anonymous. */
export interface Leak {
  url: string;
  visitor: Visitor;
  rule: string | null;
  code: LeakCode;
  message: string;
}

/** Why part of the run could not be done, in `VerifyNotice.code`; none of them fails the run alone. */
export type VerifyNoticeCode =
  /** `maxRequests` was reached: the rest of the checks were not run. */
  | 'budget-exhausted'
  /** A URL on another origin than the base URL's was left out. */
  | 'off-origin'
  /** A request failed (network, timeout). */
  | 'fetch-failed'
  /** A page to be checked after a purge was not a HIT after two requests, so the purge cannot be judged on it. */
  | 'not-warm'
  /** The purge itself reported failures or notices. */
  | 'purge-problem'
  /** No CDN status header: hit and miss cannot be told apart. */
  | 'no-cache-status';

/** Something the run could not check, as data. */
export interface VerifyNotice {
  code: VerifyNoticeCode;
  message: string;
  url?: string;
}
