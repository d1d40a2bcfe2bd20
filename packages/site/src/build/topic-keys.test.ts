import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apply, writeCorpus, type Corpus } from '../../test/edits.ts';
import { expectTopicKeysAgree } from '../../test/topic-keys.ts';
import { createSiteHandler } from '../http/site-handler.ts';
import type { Manifest } from '../manifest/manifest.ts';
import { readSiteManifest } from '../node/read-site-manifest.ts';
import { siteDirReader } from '../node/site-dir-reader.ts';
import { siteRoutesFor } from '../routes/site-routes.ts';
import { buildSite, type BuildOptions } from './build-site.ts';

const rules = readFileSync(fileURLToPath(new URL('../../../../examples/rules.yaml', import.meta.url)), 'utf8');
const engine = compileRulesOrThrow(rules);
const routes = siteRoutesFor(engine);
// Two topics that slugify alike, one past a slug's 80 characters, and two with no Latin letters.
const LONG = `${'edge caching for busy sites '.repeat(4)}end`;
const TOPICS = ['caching / go', 'caching: go', LONG, '🚀🔥', '日本語', 'performance'];

let dir: string;
let corpus: Corpus;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alphanode-topic-keys-'));
  corpus = writeCorpus(dir, TOPICS.length * 2, 11);
  apply(corpus, corpus.files.map((_, at) => ({ kind: 'topic' as const, at, topic: TOPICS[at % TOPICS.length] as string })));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("a post's topic key", () => {
  it('survives a post moved to a new topic while the run rebuilds it to key it again', async () => {
    const options: BuildOptions = { patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules, workers: 0 };
    // Only "caching / go" at first: "caching: go" comes with a new post, keyed first with the slug
    // "caching / go" has, so built twice.
    const loser = 'caching: go';
    apply(corpus, corpus.files.map((_, at) => ({ kind: 'topic' as const, at, topic: TOPICS[at % TOPICS.length] === loser ? 'performance' : (TOPICS[at % TOPICS.length] as string) })));
    await buildSite(options);
    apply(corpus, [{ kind: 'add', seed: 7 }]);
    const added = corpus.files.length - 1;
    apply(corpus, [{ kind: 'topic', at: added, topic: loser }]);
    let moved = false;
    const summary = await buildSite({
      ...options,
      // Once the first pass is done, an importer moves the post again.
      onProgress: (done, total) => {
        if (done < total || moved) return;
        moved = true;
        apply(corpus, [{ kind: 'topic', at: added, topic: 'a brand new topic' }]);
      },
    });
    expect(moved).toBe(true);
    expect(summary.skipped).toBe(0);
    const after = readSiteManifest(path.join(dir, 'dist')) as Manifest;
    expect(after.topics['a brand new topic']).toBe('a-brand-new-topic');
    expectTopicKeysAgree(after, routes);
  });

  it.each([
    ['on worker threads', { workers: 2, workerThreshold: 1 }],
    ['on the main thread', { workers: 0 }],
  ])('is its topic page\'s key, for colliding, long and letterless topics (%s)', async (_, threads) => {
    const options: BuildOptions = { patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules, target: 'varnish', ...threads };
    const first = await buildSite(options);
    expect(first.diagnostics.map((d) => d.code)).toContain('topic-slug-collision');
    const manifest = readSiteManifest(path.join(dir, 'dist')) as Manifest;
    expectTopicKeysAgree(manifest, routes);
    // The topic that lost the collision is served under a suffixed slug, and its posts carry that slug's key.
    const loser = manifest.topics['caching: go'] === 'caching-go' ? 'caching / go' : 'caching: go';
    expect(manifest.topics[loser]).toMatch(/^caching-go-[0-9a-f]{8}$/);

    // A post moved into the losing topic on a rebuild is keyed with its slug too.
    apply(corpus, [{ kind: 'topic', at: TOPICS.indexOf('performance'), topic: loser }]);
    await buildSite(options);
    const after = readSiteManifest(path.join(dir, 'dist')) as Manifest;
    expectTopicKeysAgree(after, routes);

    // The site handler sends what the build recorded: a post's page carries its topic page's key.
    const handler = createSiteHandler({ read: siteDirReader(path.join(dir, 'dist')), engine, target: 'varnish' });
    const moved = Object.values(after.posts).find((entry) => entry.topic === loser && entry.outputs.length > 0);
    const response = await handler(new Request(`http://site${moved?.outputs[0]?.url ?? '/'}`));
    expect(response.headers.get('xkey')?.split(' ')).toContain(`topic-${after.topics[loser] as string}`);
  });
});
