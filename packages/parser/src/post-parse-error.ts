import type { Diagnostic } from './diagnostic.ts';
import { formatDiagnostic } from './format-diagnostic.ts';

// `import` and `require` of this package load two copies (dist/index.js and dist/index.cjs), each with
// its own class, so a plain prototype check fails across them. A registry symbol is the same in
// both copies, and in any other version of the package that shares this brand.
const brand = Symbol.for('@alphanode/parser.PostParseError');

/** Thrown by `parsePostOrThrow`: every diagnostic of the failed parse, errors first in the message. */
export class PostParseError extends Error {
  /** `error instanceof PostParseError` holds for an error thrown by the ESM or the CommonJS build alike. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // A subclass keeps the prototype check: a branded error from another copy is not one of its own.
    if (this !== PostParseError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value != null && brand in value;
  }

  override readonly name = 'PostParseError';
  readonly code = 'ALPHANODE_PARSE_FAILED';
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], options?: { cause?: unknown }) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const shown = errors.slice(0, 10).map(formatDiagnostic);
    const more = errors.length > shown.length ? `\n… and ${errors.length - shown.length} more` : '';
    super(`@alphanode/parser: ${errors.length} error${errors.length === 1 ? '' : 's'} in the post\n${shown.join('\n')}${more}`, options);
    this.diagnostics = diagnostics;
    // Not enumerable: the brand stays out of equality checks and structured copies.
    Object.defineProperty(this, brand, { value: true });
  }
}
