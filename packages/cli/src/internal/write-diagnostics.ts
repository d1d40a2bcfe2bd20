import { formatDiagnostic, type Diagnostic } from '@alphanode/parser';

/** Writes diagnostics one per line, `FILE:LINE:COL: severity CODE: message`, as editors and CI read them. */
export function writeDiagnostics(stream: { write(chunk: string): unknown }, diagnostics: readonly (Omit<Diagnostic, 'code'> & { code: string })[]): void {
  if (diagnostics.length === 0) return;
  stream.write(diagnostics.map((diagnostic) => `${formatDiagnostic(diagnostic)}\n`).join(''));
}
