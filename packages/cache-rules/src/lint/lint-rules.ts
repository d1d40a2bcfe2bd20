import { compileWithSource, type CompileOptions } from '../compile/compile-rules.ts';
import type { RulesConfigInput } from '../config/rules-schema.ts';
import type { PendingDiagnostic, RulesDiagnostic } from '../diagnostic.ts';
import { runExamples } from '../examples/run-examples.ts';
import { riskyRules, unreachableRules, unusedBypasses } from './rule-checks.ts';

/**
 * Everything `compileRules` reports, then: unreachable rules, unused bypass conditions, risky
 * combinations, and every example run against its rule. Errors mean the file should not ship.
 *
 * @example
 * const problems = lintRules(yamlText, { file: 'rules.yaml' }).filter((d) => d.severity === 'error');
 */
export function lintRules(input: string | RulesConfigInput | object, options: CompileOptions = {}): RulesDiagnostic[] {
  const { result, source } = compileWithSource(input, options);
  if (!result.ok || !source) return result.diagnostics;
  const engine = result.engine;
  const pending: PendingDiagnostic[] = [];
  unreachableRules(engine.rules, pending);
  riskyRules(engine.rules, pending);
  unusedBypasses(engine.config, engine.rules, pending);
  for (const example of runExamples(engine)) {
    if (!example.passed) pending.push({ code: 'example-failed', severity: 'error', rule: example.rule, path: example.path, message: example.message });
  }
  const diagnostics = [...result.diagnostics, ...pending.map((diagnostic) => source.position(diagnostic))];
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
}
