import { describe, expect, it } from 'vitest';
import * as api from './index.ts';
import * as theme from './theme/index.ts';

// The public surface, pinned: a change here is an API change and needs a changeset.
describe('@alphanode/renderer exports', () => {
  it('the main entry', () => {
    expect(Object.keys(api).sort()).toEqual([
      'checkUrl', 'createSimilarIndex', 'escapeHtml', 'etagFor', 'html', 'isHtml', 'raw', 'renderPost', 'renderPostBody',
      'renderPostStream', 'renderPostWithReport', 'safeUrl', 'similarPosts',
    ]);
  });

  it('the theme entry', () => {
    expect(Object.keys(theme).sort()).toEqual(['DEFAULT_THEME_CSS']);
  });
});
