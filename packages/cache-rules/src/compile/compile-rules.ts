import { CacheRulesError } from '../cache-rules-error.ts';
import type { RulesConfigInput } from '../config/rules-schema.ts';
import { loadRulesSource, type RulesSource } from '../config/source-map.ts';
import { validateConfig } from '../config/validate-config.ts';
import type { PendingDiagnostic, RulesDiagnostic } from '../diagnostic.ts';
import { createEngine, type CacheRulesEngine } from '../engine/create-engine.ts';
import { buildBypasses } from './build-bypass.ts';
import { buildRule } from './build-rule.ts';
import type { CompiledRule } from './compiled-rule.ts';

export type CompileResult = { ok: true; engine: CacheRulesEngine; diagnostics: RulesDiagnostic[] } | { ok: false; engine: undefined; diagnostics: RulesDiagnostic[] };

export interface CompileOptions {
  /** Named in diagnostics. */
  file?: string;
}

function duplicateNames(rules: readonly CompiledRule[], diagnostics: PendingDiagnostic[]): void {
  const seen = new Map<string, number>();
  for (const rule of rules) {
    const first = seen.get(rule.name);
    if (first === undefined) seen.set(rule.name, rule.index);
    else diagnostics.push({ code: 'duplicate-rule', severity: 'error', message: `the rule name "${rule.name}" is already used by rule ${first + 1}: names identify rules in traces and reports`, path: ['rules', rule.index, 'name'], rule: rule.name });
  }
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
  const pending: PendingDiagnostic[] = [];
  const bypasses = buildBypasses(validated.config.bypass, pending);
  const rules = validated.config.rules.map((rule, index) => buildRule(rule, index, bypasses, pending));
  duplicateNames(rules, pending);
  const diagnostics = pending.map((diagnostic) => source.position(diagnostic));
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { ok: false, engine: undefined, diagnostics };
  return { ok: true, engine: createEngine(validated.config, rules), diagnostics };
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
