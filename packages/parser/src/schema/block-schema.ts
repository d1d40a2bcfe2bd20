import { z } from 'zod';
import { LineSchema, MultilineSchema } from './text.ts';

/** The schema of a `HeadingBlock`: `type: 'heading'` and one line of `text`. */
export const HeadingBlockSchema = z
  .object({ type: z.literal('heading'), text: LineSchema })
  .meta({ id: 'HeadingBlock', description: 'A section heading: one short line with no closing punctuation.' });

/** The schema of a `ParagraphBlock`: `type: 'paragraph'` and one line of `text`. */
export const ParagraphBlockSchema = z
  .object({ type: z.literal('paragraph'), text: LineSchema })
  .meta({ id: 'ParagraphBlock', description: 'A paragraph: one line of prose.' });

/** The schema of a `ListBlock`: `type: 'list'` and at least one item, one line each. */
export const ListBlockSchema = z
  .object({ type: z.literal('list'), items: z.array(LineSchema).min(1) })
  .meta({ id: 'ListBlock', description: 'A bulleted list; each item is one line.' });

/** The schema of a `CodeBlock`: `type: 'code'`, the code (line breaks as `\n`) and an optional `lang`. */
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

/** The schema of an `ImageBlock`: `type: 'image'`, a caption and a source (one line each), and an optional `url`. */
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

/** One block of a post's body: a heading, paragraph, list, code or image, told apart by `type`. */
export type Block = z.infer<typeof BlockSchema>;
/** A section heading in a post's body: one short line with no closing punctuation. */
export type HeadingBlock = z.infer<typeof HeadingBlockSchema>;
/** A paragraph in a post's body: one line of prose. */
export type ParagraphBlock = z.infer<typeof ParagraphBlockSchema>;
/** A bulleted list in a post's body; each item is one line. */
export type ListBlock = z.infer<typeof ListBlockSchema>;
/** Source code in a post's body, kept exactly as written (blank lines, indentation, tabs); `lang` is the meta `code language`. */
export type CodeBlock = z.infer<typeof CodeBlockSchema>;
/** An image in a post's body: its caption, its source name and, from the meta `image sources`, its URL. */
export type ImageBlock = z.infer<typeof ImageBlockSchema>;
