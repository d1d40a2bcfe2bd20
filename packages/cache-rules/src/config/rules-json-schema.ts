import { z } from 'zod';
import { RulesConfigSchema } from './rules-schema.ts';

/**
 * The JSON Schema (draft 2020-12) of a rules file as written, shipped as
 * `@alphanode/cache-rules/rules.schema.json` for editors (`# yaml-language-server: $schema=…`).
 * Checks that need code (durations parse, patterns compile, bypass names exist) stay in `compileRules`.
 *
 * @example
 * const schema = rulesJsonSchema(); // { $schema: 'https://json-schema.org/draft/2020-12/schema', ... }
 */
export function rulesJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RulesConfigSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}
