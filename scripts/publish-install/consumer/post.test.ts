// The service's tests, run with the consumer's own vitest against the packages as installed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PostSchema } from './schema.js';
import { acceptPublishRequest, readPost, writePost } from './service.js';

const text = readFileSync(new URL('./fixtures/post.txt', import.meta.url), 'utf8');

describe('a service on the published @alphanode packages', () => {
  it('reads a post file into a post that PostSchema accepts', () => {
    const post = readPost(text, 'post.txt');
    expect(post.title.length).toBeGreaterThan(0);
    expect(PostSchema.safeParse(post).success).toBe(true);
  });

  it('accepts a post sent as JSON and writes the same file back', () => {
    const post = readPost(text, 'post.txt');
    const request = acceptPublishRequest(JSON.stringify({ post, publish: true }));
    expect(request.post).toEqual(post);
    expect(writePost(request.post)).toBe(text);
  });

  it('rejects a payload that is not a post, with an issue per wrong field', () => {
    const checked = PostSchema.safeParse({ title: '', body: 'not blocks', similar: [] });
    expect(checked.success).toBe(false);
    const paths = checked.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'body', 'meta']));
  });
});
