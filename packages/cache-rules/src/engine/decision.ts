import type { Post } from '@alphanode/parser';
import type { TargetName } from '../targets/target-profiles.ts';
import type { DecideResponse } from './request-view.ts';

/** What to do with one response: store it in shared caches, keep it out because of who asked, or store it nowhere. */
export type Action = 'cache' | 'bypass' | 'no-store';

/** One rule tried, and why it did or did not match. */
export interface TraceEntry {
  rule: string;
  matched: boolean;
  reason: string;
}

/** The outcome of `engine.decide`: plain data, ready to log, assert on or apply. */
export interface Decision {
  /** The rule that matched, or null when none did (nothing is then stored). */
  rule: string | null;
  action: Action;
  /** One sentence a person debugging a MISS can act on. */
  reason: string;
  /** Headers to set on the response, named as the target reads them. */
  headers: Record<string, string>;
  /** Purge keys this response is tagged with (empty unless it is stored in shared caches). */
  keys: string[];
  /** The rules tried, in order; with `explain: true`, every rule. */
  trace: TraceEntry[];
}

/** Configures `engine.decide`: the CDN to write headers for, the post and response when known, and whether to trace every rule. */
export interface DecideOptions {
  target: TargetName;
  /** The post being served, for `{post.…}` key templates. */
  post?: Post;
  /** The response, when known: a Set-Cookie, a 5xx, a status or content type the rules test. */
  response?: DecideResponse;
  /** Try every rule, in order, and say why each did not match (for `rules explain`); slower. */
  explain?: boolean;
}
