import { CacheRulesError } from '../cache-rules-error.ts';
import type { RulesConfigInput } from '../config/rules-schema.ts';
import { loadRulesSource, type RulesSource } from '../config/source-map.ts';
import { validateConfig } from '../config/validate-config.ts';
import type { RulesDiagnostic } from '../diagnostic.ts';
import type { CacheRulesEngine } from '../engine/create-engine.ts';
import { buildEngine, type CompileResult } from './build-engine.ts';

export type { CompileResult } from './build-engine.ts';

/** Configures `compileRules`: the file name its diagnostics carry. */
export interface CompileOptions {
  /** Named in diagnostics. */
  file?: string;
}

/**
 * Compiles a rules file (YAML text, or the same config as a plain object) into an engine. Every
 * problem is reported at once, each with the line and column it comes from; nothing throws.
 *
 * @example
 * const { ok, engine, diagnostics } = compileRules(yamlText, { file: 'rules.yaml' });
 * if (ok) engine.decide({ url: '/posts/hello' }, { target: 'fastly' }).headers;
 */
export function compileRules(input: string | RulesConfigInput | object, options: CompileOptions = {}): CompileResult {
  return compileWithSource(input, options).result;
}

/** `compileRules`, also handing back the source so that later checks (lint) can position what they find. */
export function compileWithSource(input: string | RulesConfigInput | object, options: CompileOptions = {}): { result: CompileResult; source: RulesSource | undefined } {
  if (input == null || (typeof input !== 'string' && typeof input !== 'object')) {
    const diagnostics: RulesDiagnostic[] = [{ code: 'invalid-input', severity: 'error', message: `expected YAML text or a config object; found ${input == null ? 'null' : typeof input}`, line: 0, column: 0 }];
    return { result: { ok: false, engine: undefined, diagnostics }, source: undefined };
  }
  const source = loadRulesSource(input, options.file);
  return { result: compileSource(source), source };
}

function compileSource(source: RulesSource): CompileResult {
  if (source.diagnostics.length > 0) return { ok: false, engine: undefined, diagnostics: source.diagnostics };
  const validated = validateConfig(source);
  if (!validated.ok) return { ok: false, engine: undefined, diagnostics: validated.diagnostics };
  return buildEngine(validated.config, (diagnostic) => source.position(diagnostic));
}

/**
 * `compileRules`, throwing a `CacheRulesError` (with the diagnostics) when the file has errors.
 *
 * @example
 * const engine = compileRulesOrThrow({ version: 1, rules: [{ name: 'all', match: { path: '/*' }, cache: { noStore: true } }] });
 */
export function compileRulesOrThrow(input: string | RulesConfigInput | object, options: CompileOptions = {}): CacheRulesEngine {
  const result = compileRules(input, options);
  if (!result.ok) throw CacheRulesError.fromDiagnostics(result.diagnostics);
  return result.engine;
}
