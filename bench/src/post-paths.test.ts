import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '@alphanode/example-express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postPaths } from './post-paths.ts';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const rules = readFileSync(path.join(examples, 'rules.yaml'), 'utf8');
let content: string;

beforeEach(() => {
  content = mkdtempSync(path.join(tmpdir(), 'alphanode-bench-paths-'));
  cpSync(path.join(examples, 'content'), content, { recursive: true });
});
afterEach(() => rmSync(content, { recursive: true, force: true }));

/** The post pages the Express example serves for that content and those rules. */
async function served(rulesYaml: string): Promise<string[]> {
  const site = (await createApp({ contentDir: content, rules: rulesYaml, cacheRules: false })).site();
  return [...site.posts.values()].map((entry) => site.routes.postUrl(entry.slug));
}

describe('postPaths (the express suite\'s traffic)', () => {
  it('is every post page the Express example serves, a duplicate title\'s suffixed slug included', async () => {
    // A second post with the first one's title: served under the title's slug and a suffix.
    cpSync(path.join(content, '000_27b4b2d52350f568.txt'), path.join(content, 'zzz_copy.txt'));
    const paths = await postPaths(content, rules);
    expect(new Set(paths).size).toBe(33);
    expect(paths.sort()).toEqual((await served(rules)).sort());
  });

  it('follows the rules\' post.path', async () => {
    const articles = rules.replace('path: [/posts/:slug, /posts/:slug.json]', 'path: [/articles/:slug, /articles/:slug.json]');
    expect(articles).not.toBe(rules);
    const paths = await postPaths(content, articles);
    expect(paths.every((url) => url.startsWith('/articles/'))).toBe(true);
    expect(paths.sort()).toEqual((await served(articles)).sort());
  });
});
