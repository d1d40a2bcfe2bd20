import { lintPost, type Diagnostic, type ParseResult } from '@alphanode/parser';

export type FileStatus = 'ok' | 'warnings' | 'errors';

/** What `check` found in one file: parse and lint diagnostics together. */
export interface FileReport {
  file: string;
  status: FileStatus;
  diagnostics: Diagnostic[];
}

export interface CheckSummary {
  files: number;
  ok: number;
  warnings: number;
  errors: number;
  elapsedMs: number;
}

/**
 * Adds the lint to a parse result. Under `strict` a lint warning fails the file as a parse warning
 * does, so `--strict` means "nothing to report" for every kind of finding.
 */
export function reportFile(file: string, result: ParseResult, strict: boolean): FileReport {
  const diagnostics = [...result.diagnostics];
  if (result.ok) {
    for (const finding of lintPost(result.post, { locations: result.locations, file })) {
      diagnostics.push(strict && finding.severity === 'warning' ? { ...finding, severity: 'error' } : finding);
    }
  }
  const has = (severity: Diagnostic['severity']) => diagnostics.some((diagnostic) => diagnostic.severity === severity);
  return { file, status: has('error') ? 'errors' : has('warning') ? 'warnings' : 'ok', diagnostics };
}

export function emptySummary(): CheckSummary {
  return { files: 0, ok: 0, warnings: 0, errors: 0, elapsedMs: 0 };
}

export function addToSummary(summary: CheckSummary, report: FileReport): void {
  summary.files++;
  summary[report.status]++;
}

/** The one summary line: `checked 12 files: 10 ok, 1 with warnings, 1 with errors (0.42s)`. */
export function formatSummary(summary: CheckSummary): string {
  const files = `${summary.files} file${summary.files === 1 ? '' : 's'}`;
  return `checked ${files}: ${summary.ok} ok, ${summary.warnings} with warnings, ${summary.errors} with errors (${(summary.elapsedMs / 1000).toFixed(2)}s)`;
}
