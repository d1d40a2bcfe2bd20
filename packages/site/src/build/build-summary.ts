import type { Diagnostic } from '@alphanode/parser';

/** A finding of the build itself (not of one post's text), in the same shape as the parser's. */
export interface SiteDiagnostic extends Omit<Diagnostic, 'code'> {
  code: 'duplicate-slug' | 'topic-slug-collision' | 'page-replaced' | 'headers-cap' | 'no-base-url';
}

/** What `buildSite` did, and what to purge for it. */
export interface BuildSummary {
  built: number;
  unchanged: number;
  skipped: number;
  removed: number;
  /** Files written (relative to the out dir), listings and `_headers` included. */
  written: string[];
  /** Every error and warning, each naming its file, line and column. */
  diagnostics: (Diagnostic | SiteDiagnostic)[];
  /**
   * Exactly the URLs whose served bytes changed, appeared or vanished, and the keys that reach only
   * those; `urlsWithoutKey` are changed URLs no planned key reaches (see `exactPurgePlan`).
   */
  purge: { keys: string[]; urls: string[]; urlsWithoutKey: string[] };
  /**
   * Each page a post left for a new URL this run (a new title, or rules with another post path): its old URL and
   * its new one, the post's page and its JSON alike. The old URL is in the purge plan (gone, or
   * another post's now); a dev server sends a page open there to the new one.
   */
  moved: { from: string; to: string }[];
  ms: number;
}

/** A warning of the build's own, at line 1 of the file it concerns. */
export function siteWarning(code: SiteDiagnostic['code'], file: string | undefined, message: string): SiteDiagnostic {
  return { severity: 'warning', code, message, line: 1, column: 1, ...(file === undefined ? {} : { file }), retryable: false };
}
