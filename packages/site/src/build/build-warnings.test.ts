import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TargetName } from '@alphanode/cache-rules';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apply, writeCorpus, type Corpus } from '../../test/edits.ts';
import { buildSite, manifestRecords, readSiteManifest, type BuildSummary, type Manifest } from '../node/index.ts';
import { headerBlocks } from '../../test/header-blocks.ts';

// What a build says and writes about the whole site, checked on the built output rather than on the
// functions behind it (renderHeadersFile, assignSlugs, assignTopicSlugs have their own unit tests).
const rules = readFileSync(fileURLToPath(new URL('../../../../examples/rules.yaml', import.meta.url)), 'utf8');
let dir: string;
let corpus: Corpus;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alphanode-warnings-'));
  // Few posts, so the pages' blocks stay under Cloudflare Pages' 100 rules.
  corpus = writeCorpus(dir, 5, 11);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const build = (target: TargetName): Promise<BuildSummary> => buildSite({ patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules, target });
const manifest = (): Manifest => readSiteManifest(path.join(dir, 'dist')) as Manifest;
const warnings = (summary: BuildSummary, code: string) => summary.diagnostics.filter((d) => d.code === code);

describe('the _headers file a build writes', () => {
  for (const [target, header] of [['netlify', 'Netlify-Cache-Tag'], ['cloudflare', 'Cache-Tag']] as const) {
    it(`gives every page a ${header} block with the keys the manifest records for it (${target})`, async () => {
      const summary = await build(target);
      expect(warnings(summary, 'headers-cap')).toEqual([]);
      const blocks = headerBlocks(readFileSync(path.join(dir, 'dist', '_headers'), 'utf8'));
      const built = manifest();
      const posts = built.posts;
      const pages = manifestRecords(built).filter((page) => page.keys.length > 0);
      // Every post page and its JSON, and the listings: not a vacuous pass.
      expect(pages.length).toBeGreaterThan(2 * corpus.files.length);
      for (const page of pages) expect(blocks.get(page.url), page.url).toEqual([`${header}: ${page.keys.join(',')}`]);
      for (const post of Object.values(posts)) expect(blocks.get(`/posts/${post.slug}`)?.[0]).toMatch(new RegExp(`^${header}: .*\\bpost-${post.slug}\\b`));
    });
  }
});

describe('the _headers file a build keeps', () => {
  const headersFile = () => readFileSync(path.join(dir, 'dist', '_headers'), 'utf8');

  it('past a host\'s caps, warns on every run that changes something, an edit of a post\'s body too', async () => {
    apply(corpus, Array.from({ length: 50 }, (_, seed) => ({ kind: 'add' as const, seed })));
    expect(warnings(await build('cloudflare'), 'headers-cap')).toHaveLength(1);
    apply(corpus, [{ kind: 'body', at: 0, text: 'a new sentence here.' }]);
    const summary = await build('cloudflare');
    expect(summary.built).toBe(1);
    expect(warnings(summary, 'headers-cap')).toHaveLength(1);
  });

  it('is written again when the rules\' blocks were written by another version, though no page moved', async () => {
    await build('netlify');
    const fresh = headersFile();
    // As an older version left them: its own _headers text, and a hash of it alone in the manifest.
    const manifestFile = path.join(dir, 'dist', 'manifest.json');
    writeFileSync(manifestFile, readFileSync(manifestFile, 'utf8').replace(/"headers":"[^"]*"/, '"headers":"old"'));
    writeFileSync(path.join(dir, 'dist', '_headers'), fresh.replace('max-age=60', 'max-age=1'));
    apply(corpus, [{ kind: 'body', at: 0, text: 'a new sentence here.' }]);
    const summary = await build('netlify');
    expect(summary.written).toContain('_headers');
    expect(headersFile()).toBe(fresh);
  });

  it('is kept as it is by an edit of a post\'s body, which moves no page and no key', async () => {
    await build('netlify');
    apply(corpus, [{ kind: 'body', at: 0, text: 'a new sentence here.' }]);
    const summary = await build('netlify');
    expect(summary.built).toBe(1);
    expect(summary.written).not.toContain('_headers');
  });
});

describe('the warnings a build gives about slugs', () => {
  it('warns duplicate-slug for a post whose title another post has, naming the URL it is served at', async () => {
    apply(corpus, [
      { kind: 'retitle', at: 0, title: 'Same title' },
      { kind: 'retitle', at: 1, title: 'Same title' },
    ]);
    const summary = await build('netlify');
    const [first, second] = [...corpus.files.slice(0, 2)].sort().map((file) => `content/${file}`) as [string, string];
    const { posts } = manifest();
    expect(posts[first]?.slug).toBe('same-title');
    expect(posts[second]?.slug).toMatch(/^same-title-[0-9a-f]{8,}$/);
    expect(warnings(summary, 'duplicate-slug')).toEqual([
      expect.objectContaining({ severity: 'warning', file: second, message: `the title gives the slug "same-title", as ${first}'s does; this post is served at /posts/${posts[second]?.slug}` }),
    ]);
  });

  it('warns topic-slug-collision for "caching / go" and "caching: go", naming both topics\' URLs', async () => {
    apply(corpus, [
      { kind: 'topic', at: 0, topic: 'caching / go' },
      { kind: 'topic', at: 1, topic: 'caching: go' },
    ]);
    const summary = await build('netlify');
    const { topics } = manifest();
    const urls = ['caching / go', 'caching: go'].map((name) => `/topics/${topics[name] as string}`);
    expect(new Set(urls).size).toBe(2);
    expect(urls).toContain('/topics/caching-go');
    const found = warnings(summary, 'topic-slug-collision');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('"caching / go", "caching: go"') });
    for (const url of urls) expect(found[0]?.message).toContain(url);
  });
});
