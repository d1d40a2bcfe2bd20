import type { Diagnostic } from './diagnostic.ts';

/**
 * One line per diagnostic, in the `FILE:LINE:COL: severity CODE: message` shape that editors and CI
 * annotators read, ending with whether trying again can help.
 *
 * @example
 * formatDiagnostic(d); // 'posts/a.txt:54:13: error invalid-number: "reading time" must be ... (retrying will not help)'
 */
export function formatDiagnostic(diagnostic: Omit<Diagnostic, 'code'> & { code: string }): string {
  const where = `${diagnostic.file ?? '<input>'}:${diagnostic.line}:${diagnostic.column}`;
  const retry = diagnostic.severity !== 'error' ? '' : diagnostic.retryable ? ' (a retry may help)' : ' (retrying will not help: fix the input)';
  return `${where}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}${retry}`;
}
