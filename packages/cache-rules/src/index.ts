/**
 * @module Named, self-testing cache rules that produce CDN headers and purge keys. Edge-safe: Web APIs only.
 */
export { compileRules, compileRulesOrThrow, type CompileResult, type CompileOptions } from './compile/compile-rules.ts';
export type { CacheRulesEngine } from './engine/create-engine.ts';
export type { Action, Decision, DecideOptions, TraceEntry } from './engine/decision.ts';
export type { DecideRequest, DecideResponse, HeaderInput } from './engine/request-view.ts';
export { lintRules } from './lint/lint-rules.ts';
export { pathCovers, pathsOverlap } from './pattern/pattern-relations.ts';
export type { PathPattern } from './pattern/compile-pattern.ts';
export { runExamples, exampleRequest, type ExampleResult } from './examples/run-examples.ts';
export { diffRules, type DecisionChange } from './diff/diff-rules.ts';
export { purgeKeys, purgePlan, LISTING_FIELDS, type PurgePlan, type PurgeOptions, type PostPage } from './purge/purge-plan.ts';
export { stableHash } from './keys/stable-hash.ts';
export { foldText, type FoldedText } from './keys/fold-text.ts';
export { TARGETS, isTargetName, targetKeyHeader, type TargetName, type KeyHeaderProfile } from './targets/target-profiles.ts';
export { parseDuration, formatDuration, type DurationResult } from './config/duration.ts';
export { RulesConfigSchema, type RulesConfig, type RulesConfigInput } from './config/rules-schema.ts';
export { rulesJsonSchema } from './config/rules-json-schema.ts';
export { formatRulesDiagnostic, type RulesDiagnostic, type RulesDiagnosticCode, type Severity } from './diagnostic.ts';
export { CacheRulesError } from './cache-rules-error.ts';
export type { CompiledRule, CompiledBypass, CompiledExample, ExampleKind } from './compile/compiled-rule.ts';
export type { ExampleConfig } from './config/rules-schema.ts';
export type { CachePolicy } from './targets/cache-policy.ts';
