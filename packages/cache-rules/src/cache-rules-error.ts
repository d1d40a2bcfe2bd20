import { formatRulesDiagnostic, type RulesDiagnostic } from './diagnostic.ts';

/** Thrown only for programming errors (an unknown target) and by `compileRulesOrThrow` and `loadCompiledRulesOrThrow`; rule files report through diagnostics. */
export class CacheRulesError extends Error {
  override readonly name = 'CacheRulesError';
  readonly code: 'invalid-rules' | 'unknown-target';
  readonly diagnostics: readonly RulesDiagnostic[];

  constructor(code: CacheRulesError['code'], message: string, options: { diagnostics?: readonly RulesDiagnostic[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.diagnostics = options.diagnostics ?? [];
  }

  /** The error for a rules file that did not compile, listing its first errors. */
  static fromDiagnostics(diagnostics: readonly RulesDiagnostic[]): CacheRulesError {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    const shown = errors.slice(0, 5).map(formatRulesDiagnostic).join('\n  ');
    const more = errors.length > 5 ? `\n  …and ${errors.length - 5} more` : '';
    return new CacheRulesError('invalid-rules', `the cache rules did not compile:\n  ${shown}${more}`, { diagnostics });
  }
}
