import type { RulesConfig } from '../config/rules-schema.ts';
import type { PendingDiagnostic, RulesDiagnostic } from '../diagnostic.ts';
import { createEngine, type CacheRulesEngine } from '../engine/create-engine.ts';
import { buildBypasses } from './build-bypass.ts';
import { buildRule } from './build-rule.ts';
import type { CompiledRule } from './compiled-rule.ts';

/** What compiling or loading rules gives: the engine, or every problem found, as data. */
export type CompileResult = { ok: true; engine: CacheRulesEngine; diagnostics: RulesDiagnostic[] } | { ok: false; engine: undefined; diagnostics: RulesDiagnostic[] };

function duplicateNames(rules: readonly CompiledRule[], diagnostics: PendingDiagnostic[]): void {
  const seen = new Map<string, number>();
  for (const rule of rules) {
    const first = seen.get(rule.name);
    if (first === undefined) seen.set(rule.name, rule.index);
    else diagnostics.push({ code: 'duplicate-rule', severity: 'error', message: `the rule name "${rule.name}" is already used by rule ${first + 1}: names identify rules in traces and reports`, path: ['rules', rule.index, 'name'], rule: rule.name });
  }
}

/**
 * The step after validation, shared by `compileRules` (YAML or an object, checked by the zod
 * schema) and `loadCompiledRules` (a compiled JSON document, checked without zod): matchers, key
 * templates and policies built from a validated config, then the engine. One code path, so the
 * two engines decide alike. `position` places a path-only diagnostic in the source.
 */
export function buildEngine(config: RulesConfig, position: (diagnostic: PendingDiagnostic) => RulesDiagnostic): CompileResult {
  const pending: PendingDiagnostic[] = [];
  const bypasses = buildBypasses(config.bypass, pending);
  const rules = config.rules.map((rule, index) => buildRule(rule, index, bypasses, pending));
  duplicateNames(rules, pending);
  const diagnostics = pending.map((diagnostic) => position(diagnostic));
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { ok: false, engine: undefined, diagnostics };
  return { ok: true, engine: createEngine(config, rules), diagnostics };
}
