import type { DIAGNOSTIC_CODES } from './diagnostic-codes.ts';

/** How bad a finding is: errors make a parse fail; `strict` turns warnings into errors. */
export type Severity = 'error' | 'warning' | 'info';

/** Stable codes, one per kind of finding, for tools that filter or count them (see `DIAGNOSTIC_CODES`). */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/**
 * One finding about a post, as data. Lines and columns are 1-based; columns count UTF-16 code
 * units, as JavaScript strings and most editors do.
 */
export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  line: number;
  column: number;
  /** 0-based offset into the text after line endings are normalised. */
  offset?: number;
  /** Where in the Post the finding belongs, e.g. `['meta', 'readingTime']`. */
  path?: (string | number)[];
  file?: string;
  /** Whether the same input could succeed on another try (I/O trouble) or never will (bad content). */
  retryable: boolean;
}

/** A position in the source text. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}
