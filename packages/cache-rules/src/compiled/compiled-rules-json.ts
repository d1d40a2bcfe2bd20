import type { RulesConfig } from '../config/rules-schema.ts';

/** The `format` of a compiled rules document. */
export const COMPILED_RULES_FORMAT = 'alphanode-compiled-rules';
/** Raised when the document's shape changes, so that an old loader refuses a new document and says so. */
export const COMPILED_RULES_VERSION = 1;

/**
 * Rules compiled at build time (`compileRulesToJson`, `alphanode rules compile`): the config once
 * the YAML was read and the schema checked it, with durations in seconds and every one-or-many
 * field a list. `loadCompiledRules` turns it into an engine without YAML or zod.
 */
export interface CompiledRulesJson {
  format: typeof COMPILED_RULES_FORMAT;
  formatVersion: typeof COMPILED_RULES_VERSION;
  config: RulesConfig;
}

/**
 * The keys each object of a compiled config may hold. The rules schema's `ALLOWED_KEYS` is the
 * source of truth; a test holds the two equal, since this copy must not import the schema (zod).
 */
export const COMPILED_KEYS = {
  root: ['version', 'post', 'bypass', 'rules'],
  post: ['path'],
  bypass: ['description', 'cookie', 'header', 'query'],
  rule: ['name', 'description', 'match', 'cache', 'bypass', 'vary', 'keys', 'examples'],
  match: ['path', 'method', 'host', 'header', 'contentType', 'status'],
  cache: ['edge', 'browser', 'staleWhileRevalidate', 'staleIfError', 'immutable', 'private', 'noStore'],
  examples: ['cached', 'bypassed', 'noStore'],
  example: ['url', 'method', 'cookie', 'header', 'status', 'contentType', 'setCookie'],
} as const;
