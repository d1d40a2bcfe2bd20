/**
 * The alphanode post format to typed, validated objects and back. Edge-safe: Web APIs only,
 * and no zod: the schemas are under `@alphanode/parser/schema`, the JSON Schema under
 * `@alphanode/parser/json-schema`.
 *
 * @module @alphanode/parser
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
// Types only: the zod schemas they come from are under `@alphanode/parser/schema`, so this entry's
// JavaScript never imports zod (a test bundles it to check).
export type { Post, Layout } from './schema/post-schema.ts';
export type { PostMeta, Entity, ImageSource, ExtraValue } from './schema/meta-schema.ts';
export type { Block, HeadingBlock, ParagraphBlock, ListBlock, CodeBlock, ImageBlock } from './schema/block-schema.ts';
export { META_FIELDS, type MetaField, type SubField } from './format/meta-fields.ts';
