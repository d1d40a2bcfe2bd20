import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Manifest, ManifestPost, OutputRecord } from '../manifest/manifest.ts';
import { encodeManifest, encodePatch } from '../manifest/manifest-codec.ts';
import { MANIFEST_FILE, MANIFEST_JOURNAL_FILE } from '../manifest/manifest-files.ts';
import { outputFileFor } from '../routes/site-routes.ts';
import { manifestViewReader, type ManifestView } from './manifest-view.ts';
import type { SiteFileReader } from './site-handler.ts';

const output = (url: string, hash: string, keys: string[]): OutputRecord => ({ url, file: outputFileFor(url), hash, keys });

// Few files and few slugs, so that runs set, drop and retitle the same posts, and one post takes a
// URL another gave up in the same run.
const postArb = fc.record({ name: fc.constantFrom('a', 'b', 'c', 'd', 'e'), slug: fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6'), hash: fc.constantFrom('h1', 'h2'), keys: fc.array(fc.constantFrom('k1', 'k2'), { maxLength: 2 }) });
const manifestArb: fc.Arbitrary<Manifest> = fc
  .record({
    // One URL per post, as the build assigns slugs; files unique too.
    posts: fc.uniqueArray(postArb, { selector: (post) => post.slug, maxLength: 5 }).map((posts) => posts.filter((post, i) => posts.findIndex((other) => other.name === post.name) === i)),
    listings: fc.uniqueArray(fc.constantFrom('/', '/page/2', '/404.html', '/topics/t'), { maxLength: 3 }),
    hash: fc.constantFrom('x', 'y'),
  })
  .map(({ posts, listings, hash }) => ({
    version: 2,
    settings: 's',
    topics: {},
    listings: listings.map((url) => output(url, hash, [])),
    posts: Object.fromEntries(
      posts.map(({ name, slug, hash: postHash, keys }): [string, ManifestPost] => {
        const file = `content/${name}.txt`;
        return [file, { file, hash: postHash, size: 1, mtimeMs: 1, slug, title: slug, topic: 't', outputs: [output(`/posts/${slug}`, postHash, keys), output(`/posts/${slug}.json`, postHash, [])] }];
      }),
    ),
  }));

/** The next run's manifest as the build makes it: an unchanged post keeps its entry object, so the journal line leaves it out. */
function nextRun(before: Manifest, after: Manifest): Manifest {
  const posts: Record<string, ManifestPost> = {};
  for (const post of Object.values(after.posts)) {
    const old = before.posts[post.file];
    posts[post.file] = old !== undefined && JSON.stringify(old) === JSON.stringify(post) ? old : post;
  }
  const listings = JSON.stringify(before.listings) === JSON.stringify(after.listings) ? before.listings : after.listings;
  return { ...after, posts, listings, topics: before.topics };
}

/** What the view must hold for a manifest: every post output by URL, every listing by URL. */
function viewOf(manifest: Manifest): ManifestView {
  return {
    posts: new Map(Object.values(manifest.posts).flatMap((post) => post.outputs.map((record) => [record.url, record] as const))),
    listings: new Map(manifest.listings.map((record) => [record.url, record])),
  };
}

/** What a writer does to the two files between two reads. */
type Step = { kind: 'run'; next: Manifest; torn: number | undefined } | { kind: 'fold'; next: Manifest } | { kind: 'garbage' };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('run' as const), next: manifestArb, torn: fc.option(fc.nat({ max: 600 }), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fold' as const), next: manifestArb }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'garbage' as const }) },
);

/** A site's two manifest files in memory; with `stamps`, a reader whose stamp changes with each write. */
function memorySite(withStamps: boolean) {
  const files = new Map<string, string>();
  const writes = new Map<string, number>();
  const read = async (file: string) => files.get(file);
  const stamp = async (file: string) => (files.has(file) ? `${writes.get(file)}` : undefined);
  return {
    reader: (withStamps ? Object.assign(read, { stamp }) : read) as SiteFileReader,
    stamp,
    write(file: string, text: string) {
      files.set(file, text);
      writes.set(file, (writes.get(file) ?? 0) + 1);
    },
  };
}

describe('manifestViewReader: the manifest a server reads after each rebuild', () => {
  it('after any run of appended journal lines, torn reads, folds and foreign files, holds what a fresh read of the same files holds', async () => {
    await fc.assert(
      fc.asyncProperty(manifestArb, fc.array(stepArb, { maxLength: 8 }), fc.boolean(), async (first, steps, withStamps) => {
        const site = memorySite(withStamps);
        let generation = 0;
        let current = first;
        let journal = '';
        site.write(MANIFEST_FILE, encodeManifest(first, `g${generation}`));
        const view = manifestViewReader(site.reader);
        expect(await view()).toEqual(viewOf(current));
        for (const step of steps) {
          if (step.kind === 'garbage') {
            site.write(MANIFEST_FILE, '{ not a manifest');
            site.write(MANIFEST_JOURNAL_FILE, (journal = ''));
            expect(await view()).toBeUndefined();
            site.write(MANIFEST_FILE, encodeManifest(current, `g${++generation}`));
          } else if (step.kind === 'fold') {
            current = step.next;
            site.write(MANIFEST_FILE, encodeManifest(current, `g${++generation}`));
            site.write(MANIFEST_JOURNAL_FILE, (journal = ''));
          } else {
            const next = nextRun(current, step.next);
            const line = `${encodePatch(current, next, `g${generation}`)}\n`;
            if (step.torn !== undefined) {
              // Read while the run was appending its line: a cut inside its JSON is skipped; a cut
              // before only the newline leaves a whole patch, which a fresh read applies too.
              const cut = Math.min(step.torn, line.length - 1);
              site.write(MANIFEST_JOURNAL_FILE, journal + line.slice(0, cut));
              expect(await view()).toEqual(viewOf(cut === line.length - 1 ? next : current));
            }
            site.write(MANIFEST_JOURNAL_FILE, (journal += line));
            current = next;
          }
          expect(await view()).toEqual(viewOf(current));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads neither file again while their stamps stay the same, and only the journal when only it changed', async () => {
    const manifest: Manifest = { version: 2, settings: 's', topics: {}, listings: [], posts: {} };
    const site = memorySite(true);
    site.write(MANIFEST_FILE, encodeManifest(manifest, 'g'));
    const reads: string[] = [];
    const counted: SiteFileReader = Object.assign(async (file: string) => (reads.push(file), site.reader(file)), { stamp: site.stamp });
    const view = manifestViewReader(counted);
    await view();
    await view();
    expect(reads).toEqual([MANIFEST_FILE, MANIFEST_JOURNAL_FILE]);
    const post: ManifestPost = { file: 'content/a.txt', hash: 'h', size: 1, mtimeMs: 1, slug: 'a', title: 'A', topic: 't', outputs: [output('/posts/a', 'h', ['post-a'])] };
    site.write(MANIFEST_JOURNAL_FILE, `${encodePatch(manifest, { ...manifest, posts: { [post.file]: post } }, 'g')}\n`);
    expect((await view())?.posts.get('/posts/a')?.keys).toEqual(['post-a']);
    expect(reads).toEqual([MANIFEST_FILE, MANIFEST_JOURNAL_FILE, MANIFEST_JOURNAL_FILE]);
  });
});
