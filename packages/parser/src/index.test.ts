import { describe, expect, it } from 'vitest';
import * as api from './index.ts';
import * as nodeApi from './node/index.ts';

// The public surface, pinned: a change here is an API change and needs a changeset.
describe('@alphanode/parser exports', () => {
  it('the main entry', () => {
    expect(Object.keys(api).sort()).toEqual([
      'BlockSchema', 'CodeBlockSchema', 'EntitySchema', 'HeadingBlockSchema', 'ImageBlockSchema', 'ImageSourceSchema',
      'LayoutSchema', 'ListBlockSchema', 'META_FIELDS', 'ParagraphBlockSchema', 'PostMetaObjectSchema', 'PostMetaSchema',
      'PostObjectSchema', 'PostParseError', 'PostSchema', 'formatDiagnostic', 'lintPost', 'parsePost', 'parsePostOrThrow', 'postJsonSchema', 'stringifyPost',
    ]);
  });

  it('the node entry', () => {
    expect(Object.keys(nodeApi).sort()).toEqual(['loadPost', 'loadPosts', 'readFailureDiagnostic']);
  });
});
