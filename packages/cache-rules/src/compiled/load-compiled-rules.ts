import { CacheRulesError } from '../cache-rules-error.ts';
import { buildEngine, type CompileResult } from '../compile/build-engine.ts';
import type { PendingDiagnostic, RulesDiagnostic } from '../diagnostic.ts';
import type { CacheRulesEngine } from '../engine/create-engine.ts';
import { checkCompiledConfig } from './check-compiled-config.ts';
import { COMPILED_RULES_FORMAT, COMPILED_RULES_VERSION, type CompiledRulesJson } from './compiled-rules-json.ts';
import { described, isMapping, mapping, push } from './shape-checks.ts';

/** Options of `loadCompiledRules`. */
export interface LoadCompiledOptions {
  /** Named in diagnostics, e.g. `rules.json`. */
  file?: string;
}

// Every key of a compiled document is required, and no other is allowed.
const DOCUMENT_KEYS = ['format', 'formatVersion', 'config'];
const HOW_TO_COMPILE = 'compile the rules file with compileRulesToJson (@alphanode/cache-rules/compile) or `alphanode rules compile rules.yaml -o rules.json`';

/** Where JSON.parse stopped, from its message ("… at position 12"), as a 1-based line and column. */
function syntaxPosition(text: string, message: string): { line: number; column: number; offset?: number } {
  const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? Number.NaN);
  if (!Number.isInteger(offset)) return { line: 1, column: 1 };
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1, offset };
}

/** The document's config, or diagnostics saying why it is not a compiled rules document. */
function readDocument(value: unknown, out: PendingDiagnostic[]): unknown {
  const looksLikeRules = isMapping(value) && 'rules' in value && !('format' in value);
  const document = mapping(out, value, [], DOCUMENT_KEYS, DOCUMENT_KEYS);
  if (!document || out.length > 0) {
    // A rules file's config handed in as is: say what to do rather than list its keys as unknown.
    if (looksLikeRules) out.splice(0, out.length, { code: 'not-compiled-rules', severity: 'error', message: `this is a rules config, not compiled rules: ${HOW_TO_COMPILE}`, path: [] });
    return undefined;
  }
  if (document.format !== COMPILED_RULES_FORMAT) {
    push(out, 'not-compiled-rules', `expected format "${COMPILED_RULES_FORMAT}"; found ${described(document.format)}: ${HOW_TO_COMPILE}`, ['format']);
  } else if (document.formatVersion !== COMPILED_RULES_VERSION) {
    push(out, 'not-compiled-rules', `expected compiled rules of format version ${COMPILED_RULES_VERSION}; found ${described(document.formatVersion)}: compile the rules again with this version of @alphanode/cache-rules`, ['formatVersion']);
  }
  return out.length > 0 ? undefined : document.config;
}

/**
 * Builds the engine from rules compiled at build time (`compileRulesToJson`, or `alphanode rules
 * compile`), given as the JSON text or its parsed value. It reads no YAML and uses no zod, so a
 * worker that imports it ships neither; the engine decides exactly as the one `compileRules`
 * builds from the same file. A document that is not JSON, not compiled rules, or out of shape is
 * reported as diagnostics (each with its `path` in the document); nothing throws.
 *
 * @example
 * import compiled from './rules.json' with { type: 'json' };
 * const { ok, engine, diagnostics } = loadCompiledRules(compiled, { file: 'rules.json' });
 * if (ok) engine.decide({ url: '/posts/hello' }, { target: 'cloudflare' }).headers;
 */
export function loadCompiledRules(input: string | CompiledRulesJson | object, options: LoadCompiledOptions = {}): CompileResult {
  const at = options.file === undefined ? {} : { file: options.file };
  const positioned = (diagnostic: PendingDiagnostic, rules?: unknown): RulesDiagnostic => {
    const [first, second, index] = diagnostic.path ?? [];
    const rule = first === 'config' && second === 'rules' && typeof index === 'number' && Array.isArray(rules) ? (rules[index] as { name?: unknown } | undefined)?.name : undefined;
    return { ...diagnostic, line: 0, column: 0, ...(diagnostic.rule === undefined && typeof rule === 'string' ? { rule } : {}), ...at };
  };
  const fail = (diagnostics: RulesDiagnostic[]): CompileResult => ({ ok: false, engine: undefined, diagnostics });

  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return fail([{ code: 'json-syntax', severity: 'error', message: `expected compiled rules as JSON text; ${message.slice(0, 200)}`, ...syntaxPosition(input, message), ...at }]);
    }
  } else if (input == null || typeof input !== 'object') {
    return fail([{ code: 'invalid-input', severity: 'error', message: `expected compiled rules as JSON text or its parsed value; found ${described(input)}`, line: 0, column: 0, ...at }]);
  }

  const pending: PendingDiagnostic[] = [];
  const document = readDocument(value, pending);
  const config = pending.length === 0 ? checkCompiledConfig(document, pending) : undefined;
  const rules = isMapping(value) && isMapping(value.config) ? value.config.rules : undefined;
  if (pending.length > 0 || config === undefined) return fail(pending.map((diagnostic) => positioned(diagnostic, rules)));
  // The build step speaks in config paths; the document holds the config under `config`.
  return buildEngine(config, (diagnostic) => positioned({ ...diagnostic, path: ['config', ...(diagnostic.path ?? [])] }, rules));
}

/**
 * `loadCompiledRules`, throwing a `CacheRulesError` (with the diagnostics) when the document has errors.
 *
 * @example
 * const engine = loadCompiledRulesOrThrow(compiledJsonText, { file: 'rules.json' });
 */
export function loadCompiledRulesOrThrow(input: string | CompiledRulesJson | object, options: LoadCompiledOptions = {}): CacheRulesEngine {
  const result = loadCompiledRules(input, options);
  if (!result.ok) throw CacheRulesError.fromDiagnostics(result.diagnostics);
  return result.engine;
}
