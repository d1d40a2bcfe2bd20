import { describe, expect, it } from 'vitest';
import * as generateApi from './generate/index.ts';
import * as api from './index.ts';

// The public surface, pinned: a change here is an API change and needs a changeset.
describe('@alphanode/cli exports', () => {
  it('the main entry', () => {
    expect(Object.keys(api).sort()).toEqual(['createRng', 'generateCorpus', 'generatePost', 'generatePosts', 'runCli']);
  });

  it('the generate entry', () => {
    expect(Object.keys(generateApi).sort()).toEqual(['contentHash', 'corpusFileName', 'createRng', 'generateCorpus', 'generatePost', 'generatePostAt', 'generatePosts']);
  });
});
