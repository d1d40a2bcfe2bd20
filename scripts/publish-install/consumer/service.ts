// A service's code on the published packages: it reads post files, and accepts posts sent as JSON
// inside a request schema of its own. `./schema.js` re-exports PostSchema from wherever the
// published exports map puts it (`@alphanode/parser/schema`, or the main entry). Type-checked
// under both module settings, so the types of the two entries must agree (`Post` and PostSchema).
import { parsePost, stringifyPost, type Post } from '@alphanode/parser';
import { z } from 'zod';
import { PostSchema } from './schema.js';

/** The service's own zod composes with the package's schema: one zod, shared as a peer. */
export const PublishRequest = z.object({ post: PostSchema, publish: z.boolean() });
export type PublishRequest = z.infer<typeof PublishRequest>;

export function readPost(text: string, file: string): Post {
  const result = parsePost(text, { file });
  if (!result.ok) throw new Error(`${file} does not parse: ${result.diagnostics.map((diagnostic) => diagnostic.message).join('; ')}`);
  return PostSchema.parse(result.post);
}

export function acceptPublishRequest(body: string): PublishRequest {
  return PublishRequest.parse(JSON.parse(body));
}

export function writePost(post: Post): string {
  return stringifyPost(post);
}
