import { z } from 'zod';
import { PostSchema } from './post-schema.ts';

/**
 * The JSON Schema (draft 2020-12) of a Post, as shipped in `@alphanode/parser/post.schema.json`.
 * Refinements (what the format can write back) do not carry over to JSON Schema; the field shapes do.
 */
export function postJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PostSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
}
