import { z } from 'zod';
import { LineSchema, WholeNumberSchema } from './text.ts';

const ExtraValueSchema = z.union([
  LineSchema,
  z.array(LineSchema),
  z.record(z.string(), LineSchema),
  z.array(z.record(z.string(), LineSchema)),
]);

/** The schema of one `entities` entry in the meta block: a name and its type, one line each. */
export const EntitySchema = z.object({ name: LineSchema, type: LineSchema });
/** The schema of one `image sources` entry in the meta block: the source, URL and caption of a body image, one line each. */
export const ImageSourceSchema = z.object({ source: LineSchema, url: LineSchema, caption: LineSchema });

/**
 * The `alphanode post meta` block as a plain object schema, for composing: `pick`, `omit`,
 * `partial` and `extend` work on it. `PostMetaSchema` is the same schema, named for JSON Schema.
 *
 * @example
 * const MetaPatch = PostMetaObjectSchema.pick({ summary: true, notes: true }).partial();
 * MetaPatch.parse({ notes: ['reviewed'] });
 */
export const PostMetaObjectSchema = z.object({
  topic: LineSchema.describe('`PROBLEM / STACK`'),
  summary: LineSchema,
  aiOutline: z.object({ context: LineSchema, problem: LineSchema, stack: LineSchema, recommendedAction: LineSchema }),
  aiBrief: LineSchema,
  stack: z.array(LineSchema),
  tools: z.array(LineSchema),
  codeLanguage: LineSchema.describe("The language of the body's code blocks."),
  difficulty: LineSchema,
  readingTime: WholeNumberSchema.describe('Minutes.'),
  viewCount: WholeNumberSchema,
  score: z.object({ quality: WholeNumberSchema, freshness: WholeNumberSchema, depth: WholeNumberSchema, clarity: WholeNumberSchema }),
  revision: z.object({
    status: LineSchema,
    version: LineSchema.describe('x.y.z'),
    lastReviewed: z.iso.date().describe('YYYY-MM-DD'),
  }),
  reference: LineSchema.describe('anp-ref-NNNNNN-NNNN'),
  hash: LineSchema.describe('24 hex digits'),
  flags: z.object({
    aiGeneratedStyle: z.boolean(),
    hasImages: z.boolean(),
    imageHeavy: z.boolean(),
    needsHumanReview: z.boolean(),
  }),
  checklist: z.array(LineSchema),
  entities: z.array(EntitySchema),
  imageSources: z.array(ImageSourceSchema).optional().describe('Only where the post has images.'),
  payload: z.object({
    sourceId: LineSchema,
    generator: LineSchema,
    paragraphs: WholeNumberSchema,
    scenario: LineSchema,
    seed: WholeNumberSchema,
  }),
  notes: z.array(LineSchema),
  extra: z
    .record(z.string(), ExtraValueSchema)
    .optional()
    .describe('Fields under labels the parser does not know, kept so that nothing is lost.'),
});

/** The `alphanode post meta` block. Keys are the format's labels in camelCase (`reading time` → `readingTime`). */
export const PostMetaSchema = PostMetaObjectSchema.meta({ id: 'PostMeta' });

/** A post's `alphanode post meta` block, keyed by the format's labels in camelCase (`reading time` → `readingTime`). */
export type PostMeta = z.infer<typeof PostMetaSchema>;
/** One `entities` entry of the meta block: something the post is about, and what kind of thing it is. */
export type Entity = z.infer<typeof EntitySchema>;
/** One `image sources` entry of the meta block; a body image's `url` comes from the entry with the same caption. */
export type ImageSource = z.infer<typeof ImageSourceSchema>;
/**
 * A value kept in `meta.extra` under a label the parser does not know: a line, a list of lines,
 * `key: value` bullets as an object, or deeper bullets as a list of objects.
 */
export type ExtraValue = z.infer<typeof ExtraValueSchema>;
