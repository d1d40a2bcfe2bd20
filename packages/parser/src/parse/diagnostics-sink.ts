import type { Diagnostic, DiagnosticCode, Severity } from '../diagnostic.ts';

/**
 * Collects diagnostics for one text, turning 0-based line indexes into 1-based positions and
 * offsets. Line start offsets are summed only when a diagnostic needs one, so a clean parse pays
 * nothing for them.
 */
export interface DiagnosticsSink {
  readonly list: Diagnostic[];
  add(severity: Severity, code: DiagnosticCode, message: string, lineIndex: number, column?: number, path?: (string | number)[]): void;
  hasErrors(): boolean;
}

export function createDiagnosticsSink(lines: readonly string[], file: string | undefined, strict: boolean): DiagnosticsSink {
  const list: Diagnostic[] = [];
  // Line start offsets, summed only as far as a diagnostic has needed: a body finding near the top
  // of a long file costs a few lines, not the file.
  const starts: number[] = [0];
  const offsetOf = (lineIndex: number, column: number): number => {
    const target = Math.min(lineIndex, lines.length);
    for (let i = starts.length; i <= target; i++) starts[i] = (starts[i - 1] as number) + (lines[i - 1] as string).length + 1;
    return (starts[target] as number) + column - 1;
  };
  return {
    list,
    add(severity, code, message, at, col = 1, path) {
      // Past the last line (a file that ends early) is reported at the end of the last line.
      const past = at >= lines.length;
      const lineIndex = past ? Math.max(lines.length - 1, 0) : at;
      const column = past ? (lines[lineIndex] ?? '').length + 1 : col;
      const effective = strict && severity === 'warning' ? 'error' : severity;
      const diagnostic: Diagnostic = {
        severity: effective,
        code,
        message,
        line: lineIndex + 1,
        column,
        offset: offsetOf(lineIndex, column),
        retryable: false,
      };
      if (path) diagnostic.path = path;
      if (file !== undefined) diagnostic.file = file;
      list.push(diagnostic);
    },
    hasErrors: () => list.some((d) => d.severity === 'error'),
  };
}

/** Quotes a found value for a message, cut short so one huge line cannot flood a terminal. */
export function quote(found: string, max = 60): string {
  return JSON.stringify(found.length > max ? `${found.slice(0, max)}…` : found);
}
