/**
 * The JSON Schema of a rules file, built from the zod
 * schema. The same document ships, prebuilt, as `@alphanode/cache-rules/rules.schema.json`.
 *
 * @module @alphanode/cache-rules/json-schema
 */
export { rulesJsonSchema } from '../config/rules-json-schema.ts';
