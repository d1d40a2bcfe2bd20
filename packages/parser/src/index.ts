/**
 * @module The alphanode post format to typed, validated objects and back. Edge-safe: Web APIs only.
 */
export { parsePost, type ParseOptions, type ParseResult } from './parse/parse-post.ts';
export { parsePostOrThrow } from './parse/parse-post-or-throw.ts';
export { stringifyPost } from './stringify/stringify-post.ts';
export { lintPost, type LintOptions } from './lint/lint-post.ts';
export { formatDiagnostic } from './format-diagnostic.ts';
export { PostParseError } from './post-parse-error.ts';
export type { Diagnostic, DiagnosticCode, Position, Severity } from './diagnostic.ts';
export type { CodeInfo } from './diagnostic-codes.ts';
export type { PostLocations } from './parse/locations.ts';
export { PostSchema, PostObjectSchema, LayoutSchema, type Post, type Layout } from './schema/post-schema.ts';
export {
  PostMetaSchema,
  PostMetaObjectSchema,
  EntitySchema,
  ImageSourceSchema,
  type PostMeta,
  type Entity,
  type ImageSource,
  type ExtraValue,
} from './schema/meta-schema.ts';
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
} from './schema/block-schema.ts';
export { META_FIELDS, type MetaField, type SubField } from './format/meta-fields.ts';
export { postJsonSchema } from './schema/post-json-schema.ts';
