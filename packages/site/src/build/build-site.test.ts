import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePost, stringifyPost } from '@alphanode/parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from './build-lock.ts';
import { writeCorpus as writeGeneratedCorpus } from '../../test/edits.ts';
import { buildSite, type BuildOptions } from './build-site.ts';
import { titleOf as titleLine } from './title-of.ts';
import type { Manifest, ManifestPost } from '../manifest/manifest.ts';
import { readSiteManifest } from '../node/read-site-manifest.ts';

const rules = readFileSync(fileURLToPath(new URL('../../../../examples/rules.yaml', import.meta.url)), 'utf8');
let dir: string;
let options: BuildOptions;

const writeCorpus = (count: number, seed = 3): string[] => writeGeneratedCorpus(dir, count, seed).files;

const out = (...parts: string[]) => path.join(dir, 'dist', ...parts);
const slugOf = (file: string) => readSiteManifest(out())?.posts[`content/${file}`]?.slug as string;
const editPost = (fileName: string, edit: (text: string) => string) => {
  const file = path.join(dir, 'content', fileName);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alphanode-build-'));
  options = { patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('buildSite', () => {
  it('builds every post, the listings, _headers and the manifest', async () => {
    const files = writeCorpus(12);
    const summary = await buildSite(options);
    expect(summary).toMatchObject({ built: 12, unchanged: 0, skipped: 0, removed: 0 });
    // Info findings (a line the parser's rules disagreed on) are for `alphanode check`, not failures;
    // without a base URL the build says it left the sitemap and feeds out.
    expect(summary.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual(['no-base-url']);
    const manifest = readSiteManifest(out()) as Manifest;
    expect(Object.keys(manifest.posts)).toEqual(files.map((file) => `content/${file}`));
    for (const entry of Object.values(manifest.posts) as { slug: string; outputs: { keys: string[] }[] }[]) {
      expect(readFileSync(out('posts', entry.slug, 'index.html'), 'utf8')).toMatch(/^<!doctype html>/i);
      const json = JSON.parse(readFileSync(out('posts', `${entry.slug}.json`), 'utf8'));
      expect(stringifyPost(json)).toBe(readFileSync(path.join(dir, (Object.values(manifest.posts).find((post) => post.slug === entry.slug) as ManifestPost).file), 'utf8'));
      const keys = entry.outputs[0]?.keys ?? [];
      expect(keys.filter((key) => key.startsWith('post-'))).toHaveLength(1);
      expect(keys.some((key) => key.startsWith('topic-'))).toBe(true);
    }
    expect(readFileSync(out('index.html'), 'utf8')).toContain('<h2>Topics</h2>');
    expect(readdirSync(out('topics')).length).toBeGreaterThan(0);
    expect(readFileSync(out('_headers'), 'utf8')).toMatch(/^\/posts\/:slug\n {2}Cache-Control: max-age=60$/m);
  });

  it('writes nothing the second time', async () => {
    writeCorpus(12);
    await buildSite(options);
    const before = statSync(out('manifest.json')).mtimeMs;
    const again = await buildSite(options);
    expect(again).toMatchObject({ built: 0, unchanged: 12, written: [], purge: { keys: [], urls: [], urlsWithoutKey: [] } });
    expect(statSync(out('manifest.json')).mtimeMs).toBe(before);
    expect(existsSync(out('purge-plan.json'))).toBe(false);
  });

  it('skips a run with nothing changed by one stat per file, but never one with a broken post, a new file or another setting', async () => {
    const [first, second] = writeCorpus(4) as [string, string];
    editPost(first, (text) => text.slice(0, text.indexOf('view count')));
    const broken = await buildSite(options);
    expect(broken).toMatchObject({ built: 3, skipped: 1 });
    const errors = broken.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    // The broken post is read and reported again on every run: nothing can be skipped while it is broken.
    expect((await buildSite(options)).diagnostics.filter((d) => d.severity === 'error')).toEqual(errors);
    editPost(first, () => readFileSync(path.join(dir, 'content', second), 'utf8').replace(/^[^\n]+/, 'A fixed post'));
    expect(await buildSite(options)).toMatchObject({ built: 1, unchanged: 3, skipped: 0 });
    expect(existsSync(out('.alphanode-sources'))).toBe(true);
    expect(await buildSite(options)).toMatchObject({ built: 0, unchanged: 4, diagnostics: [] });
    writeFileSync(path.join(dir, 'content', 'zz-new.txt'), readFileSync(path.join(dir, 'content', second), 'utf8').replace(/^[^\n]+/, 'A new post'));
    expect(await buildSite(options)).toMatchObject({ built: 1, unchanged: 4 });
    expect(await buildSite({ ...options, settings: { siteName: 'other' } })).toMatchObject({ built: 5 });
    expect(await buildSite({ ...options, settings: { siteName: 'other', pageSize: 2 } })).toMatchObject({ built: 0, unchanged: 5, written: expect.arrayContaining(['page/2/index.html']) });
    // The manifest replaced by another hand: the stamp no longer vouches for it.
    rmSync(out('manifest.json'));
    expect(await buildSite({ ...options, settings: { siteName: 'other', pageSize: 2 } })).toMatchObject({ built: 5 });
    expect(Object.keys(readSiteManifest(out())?.posts ?? {})).toHaveLength(5);
  });

  it('after a fresh checkout (new mtimes, same bytes) writes no page, and records the mtimes so the next run skips the reads', async () => {
    const files = writeCorpus(6);
    await buildSite(options);
    const later = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000);
    for (const file of files) utimesSync(path.join(dir, 'content', file), later, later);
    const index = statSync(out('index.html')).mtimeMs;
    const checkout = await buildSite(options);
    expect(checkout).toMatchObject({ built: 0, unchanged: 6, written: [] });
    expect(statSync(out('index.html')).mtimeMs).toBe(index);
    const manifest = readSiteManifest(out()) as Manifest;
    expect(Object.values(manifest.posts).map((entry) => (entry as { mtimeMs: number }).mtimeMs)).toEqual(files.map(() => later.getTime()));
  });

  it('after one post changes, rewrites only its pages and purges only its route', async () => {
    const [first] = writeCorpus(12) as [string];
    await buildSite(options);
    editPost(first, (text) => text.replace(/\n\n([^\n]*)\.\n/, '\n\n$1, edited.\n'));
    const summary = await buildSite(options);
    const slug = slugOf(first);
    expect(summary).toMatchObject({ built: 1, unchanged: 11 });
    expect(summary.written).toEqual([`posts/${slug}/index.html`, `posts/${slug}.json`]);
    expect(summary.moved).toEqual([]);
    // The rules name the page and its JSON as the post's URLs; both carry the one post key.
    expect(summary.purge.urls).toEqual([`/posts/${slug}`, `/posts/${slug}.json`]);
    expect(summary.purge.keys).toEqual([`post-${slug}`]);
    expect(summary.purge.keys.every((key) => !key.startsWith('topic-') && !key.startsWith('stack-'))).toBe(true);
    expect(JSON.parse(readFileSync(out('purge-plan.json'), 'utf8'))).toEqual(summary.purge);
  });

  it('a new title moves the page, rewrites the listings and purges them', async () => {
    const [first] = writeCorpus(6) as [string];
    await buildSite(options);
    const oldSlug = slugOf(first);
    editPost(first, (text) => text.replace(/^(\|\n\n)?[^\n]+/, (_, crumb: string | undefined) => `${crumb ?? ''}a brand new title`));
    const summary = await buildSite(options);
    expect(summary.written).toContain('posts/a-brand-new-title/index.html');
    expect(summary.written).toContain('index.html');
    // The page's keys follow it to its new URL.
    expect(summary.written).toContain('_headers');
    expect(readFileSync(out('_headers'), 'utf8')).toMatch(/^\/posts\/a-brand-new-title\n {2}Netlify-Cache-Tag: /m);
    expect(existsSync(out('posts', oldSlug))).toBe(false);
    expect(summary.purge.urls).toEqual(expect.arrayContaining(['/posts/a-brand-new-title', `/posts/${oldSlug}`]));
    expect(summary.moved).toEqual([
      { from: `/posts/${oldSlug}`, to: '/posts/a-brand-new-title' },
      { from: `/posts/${oldSlug}.json`, to: '/posts/a-brand-new-title.json' },
    ]);
  });

  it('new rules that move every post (another post.path) say where each page went', async () => {
    const files = writeCorpus(3);
    await buildSite(options);
    const slugs = files.map(slugOf);
    const summary = await buildSite({ ...options, rules: rules.replaceAll('/posts/', '/articles/') });
    const pairs = (from: string, to: string) => slugs.flatMap((slug) => [{ from: `${from}${slug}`, to: `${to}${slug}` }, { from: `${from}${slug}.json`, to: `${to}${slug}.json` }]);
    expect(new Set(summary.moved.map((m) => JSON.stringify(m)))).toEqual(new Set(pairs('/posts/', '/articles/').map((m) => JSON.stringify(m))));
  });

  it('a removed post loses its pages and is purged', async () => {
    const [first] = writeCorpus(6) as [string];
    await buildSite(options);
    const slug = slugOf(first);
    rmSync(path.join(dir, 'content', first));
    const summary = await buildSite(options);
    expect(summary).toMatchObject({ removed: 1, unchanged: 5 });
    expect(existsSync(out('posts', slug))).toBe(false);
    expect(summary.purge.urls).toContain(`/posts/${slug}`);
    expect(readFileSync(out('index.html'), 'utf8')).not.toContain(`/posts/${slug}"`);
  });

  it('reports a bad post as FILE:LINE:COL, skips it, keeps its previous page and builds the rest', async () => {
    const [first] = writeCorpus(6) as [string];
    await buildSite(options);
    const slug = slugOf(first);
    editPost(first, (text) => text.replace(/\nreading time\d+\n/, '\nreading timeten\n'));
    writeFileSync(path.join(dir, 'content', 'zz-empty.txt'), '');
    const summary = await buildSite(options);
    expect(summary).toMatchObject({ built: 0, skipped: 2, unchanged: 5 });
    const errors = summary.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.file, d.code])).toEqual([[`content/${first}`, 'invalid-number'], ['content/zz-empty.txt', 'empty-file']]);
    expect(errors[0]?.line).toBeGreaterThan(1);
    expect(existsSync(out('posts', slug, 'index.html'))).toBe(true);
  });

  it('gives posts with the same title distinct, stable slugs', async () => {
    const [first, second] = writeCorpus(3) as [string, string];
    const retitle = (text: string) => text.replace(/^(\|\n\n)?[^\n]+/, (_, crumb: string | undefined) => `${crumb ?? ''}same title`);
    editPost(first, retitle);
    editPost(second, retitle);
    await buildSite(options);
    const slugs = () => Object.values((readSiteManifest(out()) as Manifest).posts as Record<string, { slug: string }>).map((p) => p.slug);
    const firstRun = slugs();
    expect(firstRun[0]).toBe('same-title');
    expect(firstRun[1]).toMatch(/^same-title-[0-9a-f]{8}$/);
    rmSync(out(), { recursive: true });
    await buildSite(options);
    expect(slugs()).toEqual(firstRun);
  });

  it('lets one build at a time write an out dir: one started meanwhile is refused, and may retry', async () => {
    writeCorpus(8);
    const first = buildSite(options);
    await expect(buildSite(options)).rejects.toMatchObject({ name: 'BuildError', code: 'build-running', retryable: true });
    expect((await first).built).toBe(8);
    expect(existsSync(out(LOCK_FILE))).toBe(false);
    expect((await buildSite(options)).unchanged).toBe(8);
  });

  it('takes over the lock of a build that died, and respects one from another host', async () => {
    writeCorpus(4);
    mkdirSync(out(), { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', '']).pid as number;
    writeFileSync(out(LOCK_FILE), JSON.stringify({ pid: gone, host: hostname(), startedAt: '2026-12-01T00:00:00.000Z' }));
    expect((await buildSite(options)).built).toBe(4);
    expect(existsSync(out(LOCK_FILE))).toBe(false);
    writeFileSync(out(LOCK_FILE), JSON.stringify({ pid: gone, host: `not-${hostname()}`, startedAt: '2026-12-01T00:00:00.000Z' }));
    await expect(buildSite(options)).rejects.toThrow(/a build on not-.* holds .*\.alphanode-lock; if none is running there, remove that file/);
  });

  it('records a one-post rebuild as one journal line, leaving manifest.json as it was', async () => {
    const [first] = writeCorpus(12) as [string];
    await buildSite(options);
    const base = readFileSync(out('manifest.json'), 'utf8');
    editPost(first, (text) => text.replace(/\n\n([^\n]*)\.\n/, '\n\n$1, edited.\n'));
    await buildSite(options);
    expect(readFileSync(out('manifest.json'), 'utf8')).toBe(base);
    const lines = readFileSync(out('manifest.journal'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string).set.map((row: string[]) => row[0])).toEqual([`content/${first}`]);
    expect(readSiteManifest(out())?.posts[`content/${first}`]?.hash).not.toBe(JSON.parse(base).posts.find((row: string[]) => row[0] === `content/${first}`)[1]);
    // Built again from scratch, the same site is recorded.
    const journaled = readSiteManifest(out());
    rmSync(out(), { recursive: true });
    await buildSite(options);
    expect(readSiteManifest(out())).toEqual(journaled);
  });

  it('links a post\'s Similar Posts titles to the posts they name, and builds it again when one of them moves', async () => {
    const [a, b] = writeCorpus(3) as [string, string];
    const read = (file: string) => readFileSync(path.join(dir, 'content', file), 'utf8');
    const titleOf = (file: string) => titleLine(read(file));
    const retitle = (title: string) => (text: string) => text.replace(`\n${titleLine(text)}\n`, `\n${title}\n`);
    const listing = (titles: string[]) => (text: string) => `${text.slice(0, text.indexOf('\nSimilar Posts\n'))}\nSimilar Posts\n${titles.join('\n')}\n`;
    editPost(a, listing([titleOf(b), 'a post this site does not have']));
    await buildSite(options);
    const page = () => readFileSync(out('posts', slugOf(a), 'index.html'), 'utf8');
    expect(page()).toContain(`<li><a href="/posts/${slugOf(b)}">${titleOf(b)}</a></li>`);
    expect(page()).toContain('<li>a post this site does not have</li>');
    // b is retitled: a's text did not change, but its link to b's old title goes, so a is built again and planned.
    const oldUrl = `/posts/${slugOf(b)}`;
    editPost(b, retitle('A wholly new title'));
    const retitled = await buildSite(options);
    expect(retitled).toMatchObject({ built: 2, unchanged: 1 });
    expect(page()).not.toContain(oldUrl);
    expect(retitled.purge.urls).toContain(`/posts/${slugOf(a)}`);
    // The JSON of a is the post itself, whose bytes did not change: not planned.
    expect(retitled.purge.urls).not.toContain(`/posts/${slugOf(a)}.json`);
    // A new post takes the title a lists: a links to it.
    writeFileSync(path.join(dir, 'content', 'zz-new.txt'), retitle('a post this site does not have')(read(b)));
    expect(await buildSite(options)).toMatchObject({ built: 2, unchanged: 2 });
    expect(page()).toContain(`<a href="/posts/${slugOf('zz-new.txt')}">a post this site does not have</a>`);
    expect(await buildSite(options)).toMatchObject({ built: 0, unchanged: 4 });
  });

  it('builds the same site, byte for byte, on worker threads and on the main thread', async () => {
    writeCorpus(80);
    await buildSite({ ...options, outDir: 'with-workers', workers: 2 });
    await buildSite({ ...options, outDir: 'main-thread', workers: 0 });
    const tree = (name: string) => {
      const root = path.join(dir, name);
      return (readdirSync(root, { recursive: true }) as string[]).sort().filter((file) => statSync(path.join(root, file)).isFile()).map((file) => [file, readFileSync(path.join(root, file), 'utf8')]);
    };
    const withWorkers = tree('with-workers');
    expect(withWorkers.length).toBeGreaterThan(160);
    // manifest.json names its generation, random by design, and the stamp its mtime; what the manifest records must be the same.
    const pages = (files: string[][]) => files.filter(([file]) => file !== 'manifest.json' && file !== '.alphanode-sources');
    expect(pages(withWorkers)).toEqual(pages(tree('main-thread')));
    expect(readSiteManifest(path.join(dir, 'with-workers'))).toEqual(readSiteManifest(path.join(dir, 'main-thread')));
  });

  /** Starts a build of the corpus in a child process and kills it (SIGKILL) once `started` holds, as a crash or the OOM killer would. */
  async function killMidRun(settings: object, started: () => boolean): Promise<void> {
    const script = path.join(dir, 'run-build.ts');
    const source = fileURLToPath(new URL('./build-site.ts', import.meta.url));
    writeFileSync(script, `import { buildSite } from ${JSON.stringify(source)};\nawait buildSite({ patterns: 'content/*.txt', cwd: ${JSON.stringify(dir)}, outDir: 'dist', workers: 0, settings: ${JSON.stringify(settings)} });\n`);
    const child = spawn(process.execPath, ['--conditions=@alphanode/source', script], { stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (started()) {
          clearInterval(poll);
          child.kill('SIGKILL');
        }
      }, 2);
      child.on('exit', () => {
        clearInterval(poll);
        resolve();
      });
    });
    expect(child.signalCode).toBe('SIGKILL');
    // The killed run's lock is still there, and is taken over.
    expect(existsSync(out(LOCK_FILE))).toBe(true);
  }

  /** The out dir holds every post, whole, and none of a killed run's leftovers. */
  function expectWholeSite(count: number): void {
    const files = readdirSync(out(), { recursive: true }) as string[];
    expect(files.filter((file) => file.includes('.alphanode-tmp'))).toEqual([]);
    expect(readdirSync(dir).filter((name) => name.includes('alphanode-staging'))).toEqual([]);
    for (const file of files.filter((name) => name.endsWith('.json') && name.startsWith('posts'))) {
      const post = JSON.parse(readFileSync(out(file), 'utf8'));
      expect(parsePost(stringifyPost(post)).ok).toBe(true);
    }
    expect(files.filter((name) => name.endsWith('index.html') && name.startsWith('posts')).length).toBe(count);
  }

  it('serves nothing from a first build killed mid-run (it writes into a staging folder), and the next run finishes the job', async () => {
    writeCorpus(400);
    const staging = path.join(dir, '.dist.alphanode-staging');
    await killMidRun({}, () => existsSync(path.join(staging, 'posts')) && readdirSync(path.join(staging, 'posts')).length > 20);
    // Until a staged build swaps its site in, the out dir has nothing but the lock.
    expect(readdirSync(out())).toEqual([LOCK_FILE]);
    const summary = await buildSite(options);
    expect(summary).toMatchObject({ built: 400, unchanged: 0 });
    expectWholeSite(400);
  });

  it('stages a first build where a symlinked out dir points, keeping the link', async () => {
    writeCorpus(3);
    mkdirSync(path.join(dir, 'real'));
    symlinkSync('real', path.join(dir, 'dist'));
    expect(await buildSite(options)).toMatchObject({ built: 3 });
    expect(lstatSync(out()).isSymbolicLink()).toBe(true);
    expect(readdirSync(path.join(dir, 'real'))).toContain('index.html');
    expect(readdirSync(dir).filter((name) => name.includes('alphanode'))).toEqual([]);
  });

  it('finishes the job after a rebuild in place was killed mid-run, with no half-written file', async () => {
    writeCorpus(400);
    const { rules: _rules, ...withoutRules } = options;
    await buildSite(withoutRules);
    // Another site name: every page is rewritten, in place, each file through a temp file and a rename.
    await killMidRun({ siteName: 'renamed' }, () => existsSync(out('.alphanode-tmp')) && readdirSync(out('.alphanode-tmp'), { recursive: true }).length > 1);
    const summary = await buildSite({ ...withoutRules, settings: { siteName: 'renamed' } });
    expect(summary.built + summary.unchanged).toBe(400);
    expectWholeSite(400);
    expect(summary.purge.urls.length).toBeGreaterThanOrEqual(800);
  });
});

describe('buildSite over an out dir of the previous version (manifest version 1)', () => {
  it('removes the old layout\'s files and purges their URLs', async () => {
    const [first] = writeCorpus(3) as [string];
    await buildSite(options);
    const manifest = readSiteManifest(out()) as Manifest;
    const entry = manifest.posts[`content/${first}`] as ManifestPost;
    // What version 1 wrote for this post: its JSON inside the post's folder, under an old slug.
    mkdirSync(out('posts', 'old-slug'), { recursive: true });
    writeFileSync(out('posts', 'old-slug', 'index.html'), 'old page');
    writeFileSync(out('posts', 'old-slug', 'index.json'), '{}');
    const v1 = {
      version: 1,
      settings: 'old',
      posts: { [`content/${first}`]: { file: `content/${first}`, slug: 'old-slug', title: entry.title, topic: entry.topic, outputs: ['posts/old-slug/index.html', 'posts/old-slug/index.json'], keys: ['post-old-slug'] } },
      listings: { 'index.html': 'x' },
    };
    writeFileSync(out('manifest.json'), JSON.stringify(v1));
    const summary = await buildSite(options);
    expect(existsSync(out('posts', 'old-slug'))).toBe(false);
    expect(summary.purge.urls).toEqual(expect.arrayContaining(['/posts/old-slug', '/posts/old-slug.json', '/']));
    expect(summary.purge.keys).toContain('post-old-slug');
    // Upgraded: written again in the current format.
    expect(JSON.parse(readFileSync(out('manifest.json'), 'utf8')).version).toBe(3);
    expect(readSiteManifest(out())?.posts[`content/${first}`]?.slug).not.toBe('old-slug');
  });
});
