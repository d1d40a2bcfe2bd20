import type { Post } from '@alphanode/parser';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { renderPost, type RenderPostOptions } from '../src/index.ts';
import { generated, handWritten } from './corpus.ts';
import { hostileOptions } from './fixtures/hostile-posts.ts';
import { seedPosts } from './seeds.ts';

const validator = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:document'] });

const site: RenderPostOptions = {
  siteName: 'Field Notes',
  baseUrl: 'https://notes.example',
  path: '/posts/a',
  lang: 'en-GB',
  stylesheets: [{ href: '/site.css', integrity: 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC' }],
  similar: [{ title: 'another post', href: '/posts/another' }, { title: 'no link' }],
  datePublished: '2021-01-02T03:04:05Z',
};

/** The messages html-validate has for a page, as `rule line:column message` lines; empty when valid. */
async function problems(post: Post, options: RenderPostOptions): Promise<string[]> {
  const report = await validator.validateString(renderPost(post, options));
  return (report.results[0]?.messages ?? []).map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`);
}

describe('html-validate (recommended + document) passes', () => {
  it.each(seedPosts().map((seed) => [seed.name, seed.post] as const))('on seed %s, bare and with every option', async (_name, post) => {
    expect(await problems(post, {})).toEqual([]);
    expect(await problems(post, site)).toEqual([]);
  });

  it('on 100 generated posts', async () => {
    for (const [i, post] of generated(100, false).entries()) expect(await problems(post, { ...site, path: `/posts/${i}` }), post.title).toEqual([]);
  });

  it('on 100 generated hostile posts', async () => {
    for (const [i, post] of generated(100, true).entries()) expect(await problems(post, { ...site, path: `/posts/${i}` }), post.title).toEqual([]);
  });

  it('on every hand-written hostile post, with hostile options', async () => {
    for (const { name, post } of handWritten()) expect(await problems(post, hostileOptions(name)), name).toEqual([]);
  });
});
