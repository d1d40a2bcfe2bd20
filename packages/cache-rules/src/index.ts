/**
 * Named, self-testing cache rules that produce CDN headers and purge keys. Edge-safe: Web
 * APIs only, and light: no YAML parser and no zod. Rules are compiled at build time
 * (`@alphanode/cache-rules/compile`) and loaded here with `loadCompiledRules`.
 *
 * @module @alphanode/cache-rules
 */
export { loadCompiledRules, loadCompiledRulesOrThrow, type LoadCompiledOptions } from './compiled/load-compiled-rules.ts';
export type { CompiledRulesJson } from './compiled/compiled-rules-json.ts';
export type { CompileResult } from './compile/build-engine.ts';
export type { CacheRulesEngine } from './engine/create-engine.ts';
export type { Action, Decision, DecideOptions, TraceEntry } from './engine/decision.ts';
export type { DecideRequest, DecideResponse, HeaderInput } from './engine/request-view.ts';
export { pathCovers, pathsOverlap } from './pattern/pattern-relations.ts';
export type { PathPattern } from './pattern/compile-pattern.ts';
export { runExamples, exampleRequest, type ExampleResult } from './examples/run-examples.ts';
export { diffRules, type DecisionChange } from './diff/diff-rules.ts';
export { purgeKeys, purgePlan, LISTING_FIELDS, type PurgePlan, type PurgeOptions, type PostPage } from './purge/purge-plan.ts';
export { stableHash } from './keys/stable-hash.ts';
export { foldText, type FoldedText } from './keys/fold-text.ts';
export { TARGETS, isTargetName, targetKeyHeader, type TargetName, type KeyHeaderProfile } from './targets/target-profiles.ts';
export { noStoreHeaders } from './engine/rule-headers.ts';
export { parseDuration, formatDuration, type DurationResult } from './config/duration.ts';
// Types only: the zod schema they come from is under `@alphanode/cache-rules/compile`.
export type { RulesConfig, RulesConfigInput, ExampleConfig } from './config/rules-schema.ts';
export { formatRulesDiagnostic, type RulesDiagnostic, type RulesDiagnosticCode, type Severity } from './diagnostic.ts';
export { CacheRulesError } from './cache-rules-error.ts';
export type { CompiledRule, CompiledBypass, CompiledExample, ExampleKind } from './compile/compiled-rule.ts';
export type { CachePolicy } from './targets/cache-policy.ts';
