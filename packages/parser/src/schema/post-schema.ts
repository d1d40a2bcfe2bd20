import { z } from 'zod';
import { BlockSchema } from './block-schema.ts';
import { PostMetaSchema } from './meta-schema.ts';
import { representabilityIssues } from './representable.ts';
import { LineSchema } from './text.ts';

/** The schema of `post.layout`: the two departures from the canonical layout (no breadcrumb, a final line break) kept for writing back. */
export const LayoutSchema = z
  .object({
    breadcrumb: z.literal(false).optional().describe('false when the file has no `|` breadcrumb line'),
    finalNewline: z.literal(true).optional().describe('true when the file ends with a line break'),
  })
  .meta({ id: 'Layout', description: 'Where the file departs from the canonical layout; absent when it does not.' });

/**
 * A post's fields, as a plain object schema for composing: `pick`, `omit`, `partial` and `extend`
 * work on it (zod 4 refuses them on a schema with refinements, as `PostSchema` has). It checks the
 * shape only; validate whole posts with `PostSchema`.
 *
 * @example
 * const PostPatch = PostObjectSchema.pick({ title: true, similar: true }).partial();
 * PostPatch.parse({ title: 'a new title' });
 * const StoredPost = PostObjectSchema.extend({ id: z.uuid(), importedAt: z.iso.datetime() });
 */
export const PostObjectSchema = z.object({
  title: LineSchema.min(1),
  body: z.array(BlockSchema),
  meta: PostMetaSchema,
  similar: z.array(LineSchema.min(1)).describe('Titles listed under `Similar Posts`.'),
  layout: LayoutSchema.optional(),
});

/**
 * A post. Beyond field types, a valid post is one the format can write and read back unchanged:
 * a paragraph that would read as a heading, or two code blocks with nothing between them, fail here
 * with a message that says why. To compose a schema of your own, start from `PostObjectSchema`.
 *
 * @example
 * const checked = PostSchema.safeParse(JSON.parse(body));
 * if (checked.success) stringifyPost(checked.data);
 */
export const PostSchema = PostObjectSchema.superRefine((post, ctx) => {
  for (const issue of representabilityIssues(post)) ctx.addIssue({ code: 'custom', ...issue });
}).meta({ id: 'Post', title: 'alphanode post' });

/** A post as an object: title, body blocks, meta block and `Similar Posts` titles. `parsePost` returns it, `stringifyPost` writes it. */
export type Post = z.infer<typeof PostSchema>;
/** Where a post's file departs from the canonical layout, so that `stringifyPost` writes it back byte for byte; absent when it does not. */
export type Layout = z.infer<typeof LayoutSchema>;
