import { z } from 'zod';
import { LineSchema, MultilineSchema } from './text.ts';

export const HeadingBlockSchema = z
  .object({ type: z.literal('heading'), text: LineSchema })
  .meta({ id: 'HeadingBlock', description: 'A section heading: one short line with no closing punctuation.' });

export const ParagraphBlockSchema = z
  .object({ type: z.literal('paragraph'), text: LineSchema })
  .meta({ id: 'ParagraphBlock', description: 'A paragraph: one line of prose.' });

export const ListBlockSchema = z
  .object({ type: z.literal('list'), items: z.array(LineSchema).min(1) })
  .meta({ id: 'ListBlock', description: 'A bulleted list; each item is one line.' });

export const CodeBlockSchema = z
  .object({
    type: z.literal('code'),
    code: MultilineSchema,
    lang: z.string().optional(),
  })
  .meta({
    id: 'CodeBlock',
    description: 'Source code kept exactly as written (blank lines, indentation, tabs); `lang` is the meta `code language`.',
  });

export const ImageBlockSchema = z
  .object({
    type: z.literal('image'),
    caption: LineSchema,
    source: LineSchema,
    url: z.string().optional(),
  })
  .meta({ id: 'ImageBlock', description: 'An image: its caption, its source name and, from meta `image sources`, its URL.' });

/** One block of a post's body. */
export const BlockSchema = z
  .discriminatedUnion('type', [HeadingBlockSchema, ParagraphBlockSchema, ListBlockSchema, CodeBlockSchema, ImageBlockSchema])
  .meta({ id: 'Block' });

export type Block = z.infer<typeof BlockSchema>;
export type HeadingBlock = z.infer<typeof HeadingBlockSchema>;
export type ParagraphBlock = z.infer<typeof ParagraphBlockSchema>;
export type ListBlock = z.infer<typeof ListBlockSchema>;
export type CodeBlock = z.infer<typeof CodeBlockSchema>;
export type ImageBlock = z.infer<typeof ImageBlockSchema>;
