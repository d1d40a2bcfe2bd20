import { COMPILED_RULES_FORMAT, COMPILED_RULES_VERSION, type CompiledRulesJson } from '../compiled/compiled-rules-json.ts';
import type { RulesConfigInput } from '../config/rules-schema.ts';
import type { RulesDiagnostic } from '../diagnostic.ts';
import type { CacheRulesEngine } from '../engine/create-engine.ts';
import { compileRules, type CompileOptions } from './compile-rules.ts';

/** `compileRules`'s result, plus the JSON document when the file compiles. */
export type CompileToJsonResult =
  | { ok: true; json: CompiledRulesJson; engine: CacheRulesEngine; diagnostics: RulesDiagnostic[] }
  | { ok: false; json: undefined; engine: undefined; diagnostics: RulesDiagnostic[] };

/**
 * Compiles a rules file at build time into a JSON document for `loadCompiledRules`, which builds
 * the same engine at the edge without YAML or zod. Problems are reported as `compileRules` reports
 * them; nothing throws. `json` is plain data: write it with `JSON.stringify`. `engine` is the one
 * `compileRules` gives, for checks the build makes before it writes the file.
 *
 * @example
 * const compiled = compileRulesToJson(yamlText, { file: 'rules.yaml' });
 * if (compiled.ok) writeFileSync('rules.json', JSON.stringify(compiled.json));
 */
export function compileRulesToJson(input: string | RulesConfigInput | object, options: CompileOptions = {}): CompileToJsonResult {
  const result = compileRules(input, options);
  if (!result.ok) return { ok: false, json: undefined, engine: undefined, diagnostics: result.diagnostics };
  // Through JSON and back, so the value handed out is exactly what a reader of the file loads.
  const config = JSON.parse(JSON.stringify(result.engine.config)) as CompiledRulesJson['config'];
  return { ok: true, json: { format: COMPILED_RULES_FORMAT, formatVersion: COMPILED_RULES_VERSION, config }, engine: result.engine, diagnostics: result.diagnostics };
}
