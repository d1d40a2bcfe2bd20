/**
 * Rules files from YAML (with line and column for every
 * finding) or a config object, checked by the zod schema; `compileRulesToJson` for build time, and
 * `lintRules`. The YAML parser and zod live here, off the main entry a worker imports.
 *
 * @module @alphanode/cache-rules/compile
 */
export { compileRules, compileRulesOrThrow, type CompileResult, type CompileOptions } from './compile-rules.ts';
export { compileRulesToJson, type CompileToJsonResult } from './compile-rules-to-json.ts';
export { lintRules } from '../lint/lint-rules.ts';
export { RulesConfigSchema, type RulesConfig, type RulesConfigInput } from '../config/rules-schema.ts';
