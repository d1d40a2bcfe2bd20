import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { generateCorpus } from '@alphanode/cli/generate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, writeCorpus, postDate, type Edit } from '../../test/edits.ts';
import { changedUrls, servedPages } from '../../test/out-dir.ts';
import { listingPages } from '../listings/listing-routes.ts';
import { createListings } from '../listings/listings.ts';
import { outputFileFor, siteRoutesFor } from '../routes/site-routes.ts';
import { buildSite, type BuildOptions } from './build-site.ts';
import type { Manifest } from '../manifest/manifest.ts';
import { readSiteManifest } from '../node/read-site-manifest.ts';

// Paginated listings under random edits: a post added with a date anywhere, one removed, one
// redated, one moved to another topic. Small pages, so that an 8-post site has several and every
// edit shifts some of them.
const rules = readFileSync(fileURLToPath(new URL('../../../../examples/rules.yaml', import.meta.url)), 'utf8');
const routes = siteRoutesFor(compileRulesOrThrow(rules));
const PAGE_SIZE = 3;

const listingEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), seed: fc.nat({ max: 10_000 }), date: postDate }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('date' as const), at: fc.nat(), date: postDate }),
  fc.record({ kind: fc.constant('topic' as const), at: fc.nat(), topic: fc.constantFrom('caching', 'performance') }),
);

/** Whether a URL is a page of a listing (home or a topic), by the routes. */
const isListingPage = (url: string): boolean => ['home', 'topic'].includes(routes.match(url)?.kind ?? '');

/** The listing pages the routes say the site has, from the posts the manifest holds. */
function expectedPages(manifest: Manifest, pageSize: number): string[] {
  const posts = Object.values(manifest.posts);
  const listings = createListings(
    posts.map(({ slug, title, topic, date, summary }) => ({ slug, title, topic, date: date ?? '', summary: summary ?? '' })),
    new Map(Object.entries(manifest.topics)),
  );
  return listingPages(listings, routes, pageSize).map((page) => page.url).sort();
}

/** Folders under the out dir with nothing in them: what removing a listing's last pages must not leave behind. */
function emptyFolders(outDir: string): string[] {
  return (readdirSync(outDir, { recursive: true }) as string[]).filter((entry) => {
    const absolute = path.join(outDir, entry);
    return statSync(absolute).isDirectory() && readdirSync(absolute).length === 0;
  });
}

/** What the runs exercised, so that a pass is known not to be vacuous. */
const seen = { builds: 0, shifted: 0, appeared: 0, vanished: 0, unchangedPages: 0, comparedWithFresh: 0 };

function checkListings(outDir: string, before: Map<string, string>, plan: { urls: string[] }, pageSize = PAGE_SIZE): void {
  const manifest = readSiteManifest(outDir) as Manifest;
  const after = servedPages(outDir);
  const served = [...after.keys()].filter(isListingPage).sort();
  // Every page the routes say exists is a file in the output, and no other listing page is (no page 3 left when two remain).
  expect(served).toEqual(expectedPages(manifest, pageSize));
  for (const url of served) expect(manifest.listings.some((record) => record.url === url && record.file === outputFileFor(url)), url).toBe(true);
  expect(emptyFolders(outDir)).toEqual([]);
  // The plan's listing URLs are exactly the listing pages whose bytes changed, appeared or vanished.
  const changed = changedUrls(before, after).filter(isListingPage);
  expect(plan.urls.filter(isListingPage)).toEqual(changed);
  // And the plan as a whole is exactly what changed on disk.
  expect(plan.urls).toEqual(changedUrls(before, after));
  seen.builds++;
  seen.shifted += changed.filter((url) => before.has(url) && after.has(url)).length;
  seen.appeared += changed.filter((url) => !before.has(url)).length;
  seen.vanished += changed.filter((url) => !after.has(url)).length;
  seen.unchangedPages += served.filter((url) => before.get(url) === after.get(url)).length;
}

describe('paginated listings over random edit sequences', () => {
  it('serves exactly the pages the routes name, and plans exactly the listing pages whose bytes changed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(listingEdit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), fc.nat({ max: 1000 }), async (batches, seed) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'alphanode-pages-'));
        try {
          const corpus = writeCorpus(dir, 8, seed);
          const outDir = path.join(dir, 'dist');
          const options: BuildOptions = { patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules, workers: 0, settings: { pageSize: PAGE_SIZE } };
          let before = servedPages(outDir);
          checkListings(outDir, before, (await buildSite(options)).purge);
          for (const batch of batches) {
            apply(corpus, batch);
            before = servedPages(outDir);
            checkListings(outDir, before, (await buildSite(options)).purge);
          }
          // A page the runs did not render again (what it shows was unchanged) has the bytes a
          // build from scratch gives it; compared where both gave every post the same slug.
          await buildSite({ ...options, outDir: 'fresh' });
          const slugs = (dirName: string) => Object.values((readSiteManifest(path.join(dir, dirName)) as Manifest).posts).map((post) => post.slug).sort();
          if (slugs('dist').join() === slugs('fresh').join()) {
            const listing = (dirName: string) => [...servedPages(path.join(dir, dirName))].filter(([url]) => isListingPage(url));
            expect(listing('dist')).toEqual(listing('fresh'));
            seen.comparedWithFresh++;
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env['ALPHANODE_PROPERTY_RUNS'] ?? 15) },
    );
    // Not vacuous: pages shifted, appeared, vanished, and some stayed as they were.
    for (const count of ['shifted', 'appeared', 'vanished', 'unchangedPages', 'comparedWithFresh'] as const) expect([count, seen[count]]).not.toEqual([count, 0]);
  }, 240_000);

  it('makes the listings again at another page size, though no post changed, and removes the pages it no longer makes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alphanode-pages-'));
    try {
      mkdirSync(path.join(dir, 'content'));
      for (const { fileName, text } of generateCorpus({ count: 10, seed: 4 })) writeFileSync(path.join(dir, 'content', fileName), text);
      const options: BuildOptions = { patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules, workers: 0, settings: { pageSize: 2 } };
      const outDir = path.join(dir, 'dist');
      await buildSite(options);
      expect(servedPages(outDir).has('/page/5')).toBe(true);
      const before = servedPages(outDir);
      const summary = await buildSite({ ...options, settings: { pageSize: 4 } });
      // No post was rendered again: the page size shapes only the listings.
      expect([summary.built, summary.unchanged]).toEqual([0, 10]);
      expect(summary.purge.urls).toEqual(expect.arrayContaining(['/', '/page/2', '/page/3', '/page/4', '/page/5']));
      expect(summary.purge.urls.every(isListingPage)).toBe(true);
      checkListings(outDir, before, summary.purge, 4);
      expect(servedPages(outDir).has('/page/4')).toBe(false);
      // Down to one page: every /page/<n> folder goes, and the /page/ folder they were in.
      const onePage = servedPages(outDir);
      checkListings(outDir, onePage, (await buildSite({ ...options, settings: { pageSize: 20 } })).purge, 20);
      expect(readdirSync(outDir)).not.toContain('page');
      await expect(buildSite({ ...options, settings: { pageSize: 0 } })).rejects.toMatchObject({ code: 'invalid-page-size', retryable: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
