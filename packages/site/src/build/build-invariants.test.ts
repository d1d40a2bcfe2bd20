import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { targetKeyHeader } from '@alphanode/cache-rules';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, writeCorpus, edit } from '../../test/edits.ts';
import { headerBlocks } from '../../test/header-blocks.ts';
import { changedUrls, servedPages } from '../../test/out-dir.ts';
import { expectTopicKeysAgree } from '../../test/topic-keys.ts';
import { outputFileFor, siteRoutesFor } from '../routes/site-routes.ts';
import { buildSite, type BuildOptions } from './build-site.ts';
import type { Manifest } from '../manifest/manifest.ts';
import { manifestRecords } from '../manifest/manifest-records.ts';
import { readSiteManifest } from '../node/read-site-manifest.ts';

const rules = readFileSync(fileURLToPath(new URL('../../../../examples/rules.yaml', import.meta.url)), 'utf8');
const routes = siteRoutesFor(compileRulesOrThrow(rules));

/** What must hold after every build, whatever came before. */
function checkSite(outDir: string, before: Map<string, string>, plan: { urls: string[]; keys: string[] }, previous: Manifest | undefined): void {
  const manifest = readSiteManifest(outDir) as Manifest;
  const after = servedPages(outDir);
  // Every output the manifest names exists with the bytes it recorded; nothing else is served.
  const recorded = manifestRecords(manifest);
  expect(new Set(after.keys())).toEqual(new Set(recorded.map((output) => output.url)));
  for (const output of recorded) expect(existsSync(path.join(outDir, output.file)), output.file).toBe(true);
  // `_headers` gives each served page the keys the manifest records for it, whichever runs wrote it.
  const headers = readFileSync(path.join(outDir, '_headers'), 'utf8');
  const keyHeader = targetKeyHeader('netlify') as NonNullable<ReturnType<typeof targetKeyHeader>>;
  const tagged = recorded.filter((output) => output.keys.length > 0);
  expect(headerBlocks(headers.slice(headers.indexOf("# each page's purge keys")))).toEqual(new Map(tagged.map((output) => [output.url, [`${keyHeader.name}: ${output.keys.join(keyHeader.separator)}`]])));
  // Slugs are unique, every link in a listing resolves to a page that exists, and every stylesheet a
  // page or listing links (the theme) is a file the site serves.
  const slugs = Object.values(manifest.posts).map((entry) => entry.slug);
  expect(new Set(slugs).size).toBe(slugs.length);
  const pages = [...manifest.listings, ...Object.values(manifest.posts).flatMap((entry) => entry.outputs.slice(0, 1))].filter((output) => output.file.endsWith('.html'));
  for (const page of pages) {
    const html = readFileSync(path.join(outDir, page.file), 'utf8');
    for (const [, tag, href] of html.matchAll(/<(a|link) [^>]*?href="(\/[^"]*)"/g)) {
      if (tag === 'a') expect(routes.match(href as string), href).toBeDefined();
      expect(existsSync(path.join(outDir, outputFileFor(href as string))), `${href} in ${page.url}`).toBe(true);
    }
  }
  // The plan is exactly what changed on disk, and its keys reach only changed pages.
  expectTopicKeysAgree(manifest, routes);
  const changed = changedUrls(before, after);
  expect(plan.urls).toEqual(changed);
  const carriers = new Map<string, Set<string>>();
  for (const side of [previous, manifest]) {
    if (!side) continue;
    for (const output of manifestRecords(side)) {
      for (const key of output.keys) carriers.set(key, (carriers.get(key) ?? new Set()).add(output.url));
    }
  }
  for (const key of plan.keys) {
    const urls = [...(carriers.get(key) ?? [])];
    expect(urls.length, key).toBeGreaterThan(0);
    for (const url of urls) expect(changed, `${key} also reaches ${url}`).toContain(url);
  }
}

describe('buildSite over random edit sequences (workers forced on)', () => {
  it('keeps every page reachable and plans exactly the URLs whose bytes changed', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }), fc.nat({ max: 1000 }), async (batches, seed) => {
        runs++;
        const dir = mkdtempSync(path.join(tmpdir(), 'alphanode-invariants-'));
        try {
          const corpus = writeCorpus(dir, 8, seed);
          const outDir = path.join(dir, 'dist');
          const options: BuildOptions = { patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules, workers: 2, workerThreshold: 1 };
          let before = servedPages(outDir);
          let summary = await buildSite(options);
          checkSite(outDir, before, summary.purge, undefined);
          for (const batch of batches) {
            const previous = readSiteManifest(outDir) as Manifest;
            apply(corpus, batch);
            before = servedPages(outDir);
            summary = await buildSite(options);
            checkSite(outDir, before, summary.purge, previous);
          }
          // A rebuild with nothing changed changes nothing and plans nothing.
          before = servedPages(outDir);
          summary = await buildSite(options);
          expect(summary.purge.urls).toEqual([]);
          expect(servedPages(outDir)).toEqual(before);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env['ALPHANODE_PROPERTY_RUNS'] ?? 12) },
    );
    expect(runs).toBeGreaterThanOrEqual(1);
  }, 240_000);
});
