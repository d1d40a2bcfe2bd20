import { z } from 'zod';
import { BlockSchema } from './block-schema.ts';
import { PostMetaSchema } from './meta-schema.ts';
import { representabilityIssues } from './representable.ts';
import { LineSchema } from './text.ts';

export const LayoutSchema = z
  .object({
    breadcrumb: z.literal(false).optional().describe('false when the file has no `|` breadcrumb line'),
    finalNewline: z.literal(true).optional().describe('true when the file ends with a line break'),
  })
  .meta({ id: 'Layout', description: 'Where the file departs from the canonical layout; absent when it does not.' });

/**
 * A post. Beyond field types, a valid post is one the format can write and read back unchanged:
 * a paragraph that would read as a heading, or two code blocks with nothing between them, fail here
 * with a message that says why.
 */
export const PostSchema = z
  .object({
    title: LineSchema.min(1),
    body: z.array(BlockSchema),
    meta: PostMetaSchema,
    similar: z.array(LineSchema.min(1)).describe('Titles listed under `Similar Posts`.'),
    layout: LayoutSchema.optional(),
  })
  .superRefine((post, ctx) => {
    for (const issue of representabilityIssues(post)) ctx.addIssue({ code: 'custom', ...issue });
  })
  .meta({ id: 'Post', title: 'alphanode post' });

export type Post = z.infer<typeof PostSchema>;
export type Layout = z.infer<typeof LayoutSchema>;
