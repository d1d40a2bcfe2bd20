import type { Diagnostic } from './diagnostic.ts';
import { formatDiagnostic } from './format-diagnostic.ts';

/** Thrown by `parsePostOrThrow`: every diagnostic of the failed parse, errors first in the message. */
export class PostParseError extends Error {
  override readonly name = 'PostParseError';
  readonly code = 'ALPHANODE_PARSE_FAILED';
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], options?: { cause?: unknown }) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const shown = errors.slice(0, 10).map(formatDiagnostic);
    const more = errors.length > shown.length ? `\n… and ${errors.length - shown.length} more` : '';
    super(`@alphanode/parser: ${errors.length} error${errors.length === 1 ? '' : 's'} in the post\n${shown.join('\n')}${more}`, options);
    this.diagnostics = diagnostics;
  }
}
