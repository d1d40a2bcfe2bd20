import { formatRulesDiagnostic, type RulesDiagnostic } from './diagnostic.ts';

// `import` and `require` load two copies of this class (dist/*.js and dist/*.cjs), so a plain
// prototype check fails across them. A registry symbol is the same in both copies, and in any
// other version of the package that shares this brand.
const brand = Symbol.for('@alphanode/cache-rules.CacheRulesError');

/** Thrown only for programming errors (an unknown target) and by `compileRulesOrThrow` and `loadCompiledRulesOrThrow`; rule files report through diagnostics. */
export class CacheRulesError extends Error {
  /** `error instanceof CacheRulesError` holds for an error thrown by the ESM or the CommonJS build alike. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // A subclass keeps the prototype check: a branded error from another copy is not one of its own.
    if (this !== CacheRulesError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value != null && brand in value;
  }

  override readonly name = 'CacheRulesError';
  readonly code: 'invalid-rules' | 'unknown-target';
  readonly diagnostics: readonly RulesDiagnostic[];

  constructor(code: CacheRulesError['code'], message: string, options: { diagnostics?: readonly RulesDiagnostic[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.diagnostics = options.diagnostics ?? [];
    // Not enumerable: the brand stays out of equality checks and structured copies.
    Object.defineProperty(this, brand, { value: true });
  }

  /** The error for a rules file that did not compile, listing its first errors. */
  static fromDiagnostics(diagnostics: readonly RulesDiagnostic[]): CacheRulesError {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    const shown = errors.slice(0, 5).map(formatRulesDiagnostic).join('\n  ');
    const more = errors.length > 5 ? `\n  …and ${errors.length - 5} more` : '';
    return new CacheRulesError('invalid-rules', `the cache rules did not compile:\n  ${shown}${more}`, { diagnostics });
  }
}
