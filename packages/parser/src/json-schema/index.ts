/**
 * The JSON Schema of a post, built from the zod schemas
 * (zod's JSON Schema writer included). The same document ships, prebuilt, as
 * `@alphanode/parser/post.schema.json`, which needs no code at all.
 *
 * @module @alphanode/parser/json-schema
 */
export { postJsonSchema } from '../schema/post-json-schema.ts';
