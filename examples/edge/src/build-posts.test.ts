import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stableHash } from '@alphanode/cache-rules';
import { compileRulesToJson } from '@alphanode/cache-rules/compile';
import { PostSchema } from '@alphanode/parser/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSiteData, writeSiteData } from './build-posts.ts';
import type { SiteData } from './site-data.ts';

const examples = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alphanode-edge-build-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('collectSiteData and writeSiteData', () => {
  it('reads every sample post with its title slug, the rules compiled to JSON and a fingerprinted stylesheet', async () => {
    const { data, errors, warnings } = await collectSiteData({ contentDir: path.join(examples, 'content'), rulesFile: path.join(examples, 'rules.yaml') });
    expect([errors, warnings]).toEqual([[], []]);
    expect(data.posts.length).toBe(32);
    expect(new Set(data.posts.map((item) => item.slug)).size).toBe(32);
    expect(data.posts.map((item) => item.slug)).toEqual(data.posts.map((item) => item.slug).sort());
    expect(data.rules).toEqual(compileRulesToJson(readFileSync(path.join(examples, 'rules.yaml'), 'utf8')).json);
    expect(data.assets.map((asset) => asset.path)).toEqual([expect.stringMatching(/^\/assets\/site\.[0-9a-f]{10}\.css$/)]);
  });

  it('writes a module whose posts read back as the same valid Post objects', async () => {
    const { data } = await collectSiteData({ contentDir: path.join(examples, 'content'), rulesFile: path.join(examples, 'rules.yaml') });
    const file = path.join(dir, 'site-data.js');
    await writeSiteData(data, file);
    const loaded = ((await import(pathToFileURL(file).href)) as { default: SiteData }).default;
    expect(loaded).toEqual(data);
    for (const item of loaded.posts) expect(PostSchema.parse(item.post)).toEqual(item.post);
  });

  it('reports a post that does not parse and leaves it out, and serves two titles that give one slug under two', async () => {
    const content = path.join(dir, 'content');
    mkdirSync(content);
    const sample = readFileSync(path.join(examples, 'content', '000_27b4b2d52350f568.txt'), 'utf8');
    writeFileSync(path.join(content, 'b.txt'), sample);
    writeFileSync(path.join(content, 'a.txt'), sample);
    writeFileSync(path.join(content, 'c.txt'), sample.replace(/reading time\d+/, 'reading timeten'));
    const { data, errors, warnings } = await collectSiteData({ contentDir: content, rulesFile: path.join(examples, 'rules.yaml') });
    const slug = 'production-checklist-for-improving-asset-delivery-in-python-services';
    // The smaller file name keeps the slug; the other gets a hash of its own name, whatever the read order.
    const other = `${slug}-${stableHash('b.txt')}`;
    expect(data.posts.map((item) => [item.file, item.slug])).toEqual([['a.txt', slug], ['b.txt', other]]);
    expect(errors).toEqual([expect.stringMatching(/^c\.txt:\d+:\d+: error invalid-number: /)]);
    expect(warnings).toEqual([`b.txt:1:1: warning duplicate-slug: the title gives the slug "${slug}", as a.txt's does; this post is served at /posts/${other}`]);
  });

  it('reports topics that slugify alike, each served under its own slug', async () => {
    const content = path.join(dir, 'topics');
    mkdirSync(content);
    const sample = readFileSync(path.join(examples, 'content', '000_27b4b2d52350f568.txt'), 'utf8');
    const topic = /^topic(.*)$/m.exec(sample)?.[1] as string;
    writeFileSync(path.join(content, 'a.txt'), sample.replace(`topic${topic}`, 'topiccaching / go'));
    writeFileSync(path.join(content, 'b.txt'), sample.replace(`topic${topic}`, 'topiccaching: go').replace(/^(\|\n\n)?(.*)$/m, '$1$2 again'));
    const { warnings } = await collectSiteData({ contentDir: content, rulesFile: path.join(examples, 'rules.yaml') });
    expect(warnings).toEqual([`warning topic-slug-collision: the topics "caching / go", "caching: go" all slugify to "caching-go"; they are served at /topics/caching-go, /topics/caching-go-${stableHash('caching: go')}`]);
  });
});
