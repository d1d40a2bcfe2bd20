/**
 * The zod schemas of a post, for validating posts that come from
 * elsewhere (a request body, a database) and for composing schemas of your own. Kept off the main
 * entry so that a worker that only parses and writes posts does not ship zod.
 *
 * @module @alphanode/parser/schema
 */
export { PostSchema, PostObjectSchema, LayoutSchema, type Post, type Layout } from './post-schema.ts';
export {
  PostMetaSchema,
  PostMetaObjectSchema,
  EntitySchema,
  ImageSourceSchema,
  type PostMeta,
  type Entity,
  type ImageSource,
  type ExtraValue,
} from './meta-schema.ts';
export {
  BlockSchema,
  HeadingBlockSchema,
  ParagraphBlockSchema,
  ListBlockSchema,
  CodeBlockSchema,
  ImageBlockSchema,
  type Block,
  type HeadingBlock,
  type ParagraphBlock,
  type ListBlock,
  type CodeBlock,
  type ImageBlock,
} from './block-schema.ts';
