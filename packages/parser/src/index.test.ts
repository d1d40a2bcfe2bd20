import { describe, expect, it } from 'vitest';
import * as api from './index.ts';
import * as jsonSchemaApi from './json-schema/index.ts';
import * as nodeApi from './node/index.ts';
import * as schemaApi from './schema/index.ts';

// The public surface, pinned: a change here is an API change and needs a changeset.
describe('@alphanode/parser exports', () => {
  it('the main entry: no zod schema, so that a worker that parses ships no zod', () => {
    expect(Object.keys(api).sort()).toEqual(['META_FIELDS', 'PostParseError', 'formatDiagnostic', 'lintPost', 'parsePost', 'parsePostOrThrow', 'stringifyPost']);
  });

  it('the schema entry', () => {
    expect(Object.keys(schemaApi).sort()).toEqual([
      'BlockSchema', 'CodeBlockSchema', 'EntitySchema', 'HeadingBlockSchema', 'ImageBlockSchema', 'ImageSourceSchema',
      'LayoutSchema', 'ListBlockSchema', 'ParagraphBlockSchema', 'PostMetaObjectSchema', 'PostMetaSchema', 'PostObjectSchema', 'PostSchema',
    ]);
  });

  it('the json-schema entry', () => {
    expect(Object.keys(jsonSchemaApi)).toEqual(['postJsonSchema']);
  });

  it('the node entry', () => {
    expect(Object.keys(nodeApi).sort()).toEqual(['loadPost', 'loadPosts', 'readFailureDiagnostic']);
  });
});
