import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outputFileFor } from '../routes/site-routes.ts';
import { decodeManifest, encodeManifest, encodePatch, parseManifest } from './manifest-codec.ts';
import type { Manifest, ManifestPost, OutputRecord } from './manifest.ts';

const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const output = (url: string, hash: string, keys: string[]): OutputRecord => ({ url, file: outputFileFor(url), hash, keys });

const postArb = (file: string) =>
  fc.record({ slug: word, title: text, topic: text, hash: word, size: fc.nat(), mtimeMs: fc.double({ min: 0, max: 2e12, noNaN: true }), date: fc.option(fc.constant('2026-01-02'), { nil: undefined }), summary: fc.option(text, { nil: undefined }), keys: fc.array(word, { maxLength: 3 }) }).map(({ slug, keys, date, summary, ...rest }): ManifestPost => {
    const post: ManifestPost = { file, slug, ...rest, outputs: [output(`/posts/${slug}`, rest.hash, keys), output(`/posts/${slug}.json`, `${rest.hash}j`, [])] };
    if (date !== undefined) post.date = date;
    if (summary !== undefined) post.summary = summary;
    return post;
  });

const files = fc.uniqueArray(word.map((name) => `content/${name}.txt`), { maxLength: 8 });
const manifestArb: fc.Arbitrary<Manifest> = files.chain((names) =>
  fc.record({
    posts: fc.tuple(...names.map(postArb)),
    settings: word,
    pageSize: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
    headers: fc.option(word, { nil: undefined }),
    listings: fc.array(fc.tuple(word, fc.option(word, { nil: undefined })).map(([name, source]) => ({ ...output(`/topics/${name}`, name, [`topic-${name}`]), ...(source === undefined ? {} : { source }) })), { maxLength: 3 }),
    topics: fc.dictionary(text, word, { maxKeys: 3 }),
  }).map(({ posts, pageSize, headers, ...rest }) => {
    const manifest: Manifest = { version: 2, ...rest, posts: Object.fromEntries(posts.map((post) => [post.file, post])) };
    if (pageSize !== undefined) manifest.pageSize = pageSize;
    if (headers !== undefined) manifest.headers = headers;
    return manifest;
  }),
);

/** The next run's manifest as the build makes it: an unchanged post's entry is the same object, site-wide fields too. */
function nextRun(before: Manifest, after: Manifest, keep: readonly boolean[]): Manifest {
  const posts: Record<string, ManifestPost> = {};
  Object.values(after.posts).forEach((post, i) => {
    const old = before.posts[post.file];
    posts[post.file] = old && keep[i % keep.length] ? old : post;
  });
  return { ...after, posts, listings: keep[0] ? before.listings : after.listings, topics: keep[1] ? before.topics : after.topics };
}

describe('the manifest on disk: manifest.json and its journal', () => {
  it('reads back what a run of journal lines wrote, whatever they set, dropped or replaced', () => {
    fc.assert(
      fc.property(manifestArb, fc.array(fc.tuple(manifestArb, fc.array(fc.boolean(), { minLength: 2, maxLength: 4 })), { maxLength: 4 }), (first, runs) => {
        const base = encodeManifest(first, 'g1');
        let journal = '';
        let current = first;
        for (const [after, keep] of runs) {
          const next = nextRun(current, after, keep);
          journal += `${encodePatch(current, next, 'g1')}\n`;
          current = next;
        }
        expect(parseManifest(base, journal)).toEqual(current);
      }),
    );
  });

  it('skips a torn last line and the lines of another generation (a fold killed before it removed them)', () => {
    fc.assert(
      fc.property(manifestArb, manifestArb, fc.nat(), (first, second, cut) => {
        const next = nextRun(first, second, [false, false]);
        const line = encodePatch(first, next, 'g1');
        const torn = line.slice(0, cut % (line.length - 1));
        expect(parseManifest(encodeManifest(first, 'g1'), torn)).toEqual(first);
        expect(parseManifest(encodeManifest(first, 'g2'), line)).toEqual(first);
      }),
    );
  });

  it('writes a manifest of thousands of posts in pieces that read back whole', () => {
    const posts = Array.from({ length: 2_501 }, (_, i): ManifestPost => ({ file: `content/${i}.txt`, hash: `h${i}`, size: i, mtimeMs: i * 1.5, slug: `s${i}`, title: `T ${i}`, topic: 't', outputs: [output(`/posts/s${i}`, `o${i}`, [`post-s${i}`])] }));
    const manifest: Manifest = { version: 2, settings: 'x', posts: Object.fromEntries(posts.map((post) => [post.file, post])), listings: [], topics: {}, pageSize: 20 };
    expect(parseManifest(encodeManifest(manifest, 'g'))).toEqual(manifest);
    expect(JSON.parse(encodeManifest({ ...manifest, posts: {} }, 'g')).posts).toEqual([]);
  });

  it('reads a version 2 manifest as it is, and says undefined for text that is no manifest', () => {
    fc.assert(
      fc.property(manifestArb, (manifest) => {
        expect(decodeManifest(JSON.stringify(manifest))).toEqual({ manifest, generation: undefined });
      }),
    );
    for (const text of ['', 'null', '[]', '{"version":4}', '{', '"x"']) expect(parseManifest(text)).toBeUndefined();
  });
});
