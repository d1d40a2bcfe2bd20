// Edge cases found by attacking the build (#16): Similar Posts links to posts that do not build or
// share a title, runs killed between their writes and their manifest then rolled back, a torn
// manifest journal line, and a manifest handed out to the process that builds.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '@alphanode/cli/generate';
import { parsePostOrThrow, stringifyPost } from '@alphanode/parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedUrls, servedPages } from '../../test/out-dir.ts';
import type { Manifest } from '../manifest/manifest.ts';
import { readSiteManifest } from '../node/read-site-manifest.ts';
import { writeCorpus as writeGeneratedCorpus } from '../../test/edits.ts';
import { buildSite, type BuildOptions } from './build-site.ts';
import type { BuildSummary } from './build-summary.ts';

const rules = readFileSync(fileURLToPath(new URL('../../../../examples/rules.yaml', import.meta.url)), 'utf8');
const source = fileURLToPath(new URL('./build-site.ts', import.meta.url));
let dir: string;
let options: BuildOptions;
let scripts = 0;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alphanode-attack-'));
  options = { patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules, workers: 0 };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const writeCorpus = (count: number, seed = 3): string[] => writeGeneratedCorpus(dir, count, seed).files;

const out = (...parts: string[]) => path.join(dir, 'dist', ...parts);
const src = (file: string) => path.join(dir, 'content', file);
const read = (file: string) => readFileSync(src(file), 'utf8');
const titleOf = (file: string) => parsePostOrThrow(read(file)).title;
const slugOf = (file: string) => (readSiteManifest(out()) as Manifest).posts[`content/${file}`]?.slug as string;
const edit = (file: string, change: (post: ReturnType<typeof parsePostOrThrow>) => void) => {
  const post = parsePostOrThrow(read(file));
  change(post);
  writeFileSync(src(file), stringifyPost(post));
};
const breakPost = (file: string) => writeFileSync(src(file), read(file).replace(/\nreading time\d+\n/, '\nreading timeten\n'));
/** The hrefs of a built page's Similar Posts list. */
const similarHrefs = (file: string) => [...(readFileSync(out('posts', slugOf(file), 'index.html'), 'utf8').match(/Similar Posts<\/h2>\n<ul>(.*?)<\/ul>/s)?.[1] ?? '').matchAll(/href="([^"]+)"/g)].map((match) => match[1] as string);

/**
 * Runs one build in its own Node process, as the CLI does (no manifest cached in memory), after
 * `prelude` (code run first in that process). The summary, or the signal that ended it.
 */
function buildInChild(prelude = ''): { signal: NodeJS.Signals | null; summary?: BuildSummary } {
  const script = path.join(dir, `child-${scripts++}.ts`);
  writeFileSync(script, `${prelude}\nconst { buildSite } = await import(${JSON.stringify(source)});\nprocess.stdout.write(JSON.stringify(await buildSite(${JSON.stringify(options)})));\n`);
  const child = spawnSync(process.execPath, ['--conditions=@alphanode/source', script], { encoding: 'utf8' });
  return { signal: child.signal, ...(child.status === 0 ? { summary: JSON.parse(child.stdout) as BuildSummary } : {}) };
}

// SIGKILL right before the run records its manifest: its pages, listings, removals and purge plan are done.
const KILL_BEFORE_MANIFEST = `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const append = fs.appendFileSync;
fs.appendFileSync = (file, ...rest) => { if (String(file).endsWith('manifest.journal')) process.kill(process.pid, 'SIGKILL'); return append(file, ...rest); };
syncBuiltinESMExports();`;

// The manifest journal line cut in the middle, then SIGKILL: the torn last line the codec says it handles.
const TEAR_MANIFEST_LINE = `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const append = fs.appendFileSync;
fs.appendFileSync = (file, data, ...rest) => {
  if (String(file).endsWith('manifest.journal')) { append(file, String(data).slice(0, String(data).length >> 1)); process.kill(process.pid, 'SIGKILL'); }
  return append(file, data, ...rest);
};
syncBuiltinESMExports();`;

describe('Similar Posts links to posts that do not build', () => {
  /** Two posts of a corpus of four: `a` lists `b`'s title under Similar Posts, and `b` no longer parses. */
  function listBrokenPost(): [string, string] {
    const [a, b] = writeCorpus(4) as [string, string];
    edit(a, (post) => {
      post.similar = [titleOf(b)];
    });
    breakPost(b);
    return [a, b];
  }

  it('never links a Similar Posts title to a post that failed to parse (no page there)', async () => {
    const [a] = listBrokenPost();
    await buildSite(options);
    for (const href of similarHrefs(a)) expect(existsSync(out(`${href.slice(1)}/index.html`)), `${href} has no page`).toBe(true);
  });

  it('links a title two posts share to the one that builds, not to the earlier one that fails to parse', async () => {
    const [a, b, c] = writeCorpus(4) as [string, string, string];
    edit(c, (post) => {
      post.title = titleOf(b);
    });
    edit(a, (post) => {
      post.similar = [titleOf(b)];
    });
    breakPost(b);
    await buildSite(options);
    expect(similarHrefs(a)).toEqual([`/posts/${slugOf(c)}`]);
  });

  it('writes nothing on a run with nothing changed while a post it lists is broken', async () => {
    listBrokenPost();
    await buildSite(options);
    const again = await buildSite(options);
    expect(again).toMatchObject({ built: 0, written: [] });
  });

  it('after the broken post is removed, the page listing it is what a build from scratch makes', async () => {
    const [, b] = listBrokenPost();
    await buildSite(options);
    rmSync(src(b));
    await buildSite(options);
    await buildSite({ ...options, outDir: 'scratch' });
    expect(changedUrls(servedPages(path.join(dir, 'scratch')), servedPages(out()))).toEqual([]);
  });
});

describe('Similar Posts links to a duplicated title, one process per build (as the CLI runs)', () => {
  it('when the post the title linked to is removed, the link moves to the post that still has the title', () => {
    mkdirSync(path.join(dir, 'content'));
    const [one, two, three] = generateCorpus({ count: 3, seed: 3 }).map(({ text }) => parsePostOrThrow(text));
    writeFileSync(src('b.txt'), stringifyPost({ ...(one as ReturnType<typeof parsePostOrThrow>), title: 'the same title' }));
    writeFileSync(src('x.txt'), stringifyPost({ ...(two as ReturnType<typeof parsePostOrThrow>), similar: ['the same title'] }));
    expect(buildInChild().summary).toBeDefined();
    // a.txt sorts first: the title now links to it.
    writeFileSync(src('a.txt'), stringifyPost({ ...(three as ReturnType<typeof parsePostOrThrow>), title: 'the same title' }));
    expect(buildInChild().summary).toBeDefined();
    expect(similarHrefs('x.txt')).toEqual([`/posts/${slugOf('a.txt')}`]);
    rmSync(src('a.txt'));
    const removed = buildInChild().summary as BuildSummary;
    expect(similarHrefs('x.txt')).toEqual([`/posts/${slugOf('b.txt')}`]);
    expect(removed.purge.urls).toContain(`/posts/${slugOf('x.txt')}`);
  });
});

describe('a run killed after its listings and removals, before its manifest, then the batch rolled back', () => {
  function killThenRollBack(batch: () => void): { before: Map<string, string>; killed: Map<string, string>; repair: BuildSummary } {
    cpSync(path.join(dir, 'content'), path.join(dir, 'original'), { recursive: true });
    const before = servedPages(out());
    batch();
    expect(buildInChild(KILL_BEFORE_MANIFEST).signal).toBe('SIGKILL');
    const killed = servedPages(out());
    rmSync(path.join(dir, 'content'), { recursive: true });
    cpSync(path.join(dir, 'original'), path.join(dir, 'content'), { recursive: true });
    return { before, killed, repair: buildInChild().summary as BuildSummary };
  }

  it('purges the listing pages the killed run rewrote, which a CDN may have fetched', async () => {
    const [first] = writeCorpus(6) as [string];
    await buildSite(options);
    const { before, killed, repair } = killThenRollBack(() => edit(first, (post) => (post.title = 'a brand new title')));
    expect(changedUrls(before, killed)).toContain('/');
    expect(repair.purge.urls).toEqual(expect.arrayContaining(changedUrls(before, killed)));
  });

  it('brings back the pages of a post the killed run removed', async () => {
    const [, second] = writeCorpus(6) as [string, string];
    await buildSite(options);
    const { before } = killThenRollBack(() => rmSync(src(second)));
    expect(changedUrls(before, servedPages(out()))).toEqual([]);
  });

  it('removes the topic page the killed run made for a post that is gone', async () => {
    const [first] = writeCorpus(6) as [string];
    await buildSite(options);
    const { before, killed } = killThenRollBack(() => {
      writeFileSync(src('zz-new.txt'), read(first));
      edit('zz-new.txt', (post) => {
        post.title = 'a post of its own';
        post.meta.topic = 'a topic of its own';
      });
    });
    expect([...killed.keys()]).toContain('/topics/a-topic-of-its-own');
    expect(changedUrls(before, servedPages(out()))).toEqual([]);
  });
});

describe('a manifest journal line torn by a kill', () => {
  it('keeps the next run\'s line, so a later run does not take a page for unchanged', async () => {
    const [first] = writeCorpus(6) as [string];
    await buildSite(options);
    const v0 = read(first);
    const paragraph = (text: string) => (post: ReturnType<typeof parsePostOrThrow>) => {
      post.body.push({ type: 'paragraph', text });
    };
    edit(first, paragraph('version one.'));
    expect(buildInChild(TEAR_MANIFEST_LINE).signal).toBe('SIGKILL');
    writeFileSync(src(first), v0);
    edit(first, paragraph('version two.'));
    expect(buildInChild().summary).toMatchObject({ built: 1 });
    // Back to the bytes the first build recorded, with a new mtime.
    writeFileSync(src(first), v0);
    expect(buildInChild().summary).toBeDefined();
    const page = readFileSync(out('posts', slugOf(first), 'index.html'), 'utf8');
    expect(page.includes('version two.'), 'the page still shows version two, the source is version zero').toBe(false);
  });
});

describe('readSiteManifest in the process that builds', () => {
  it('hands out a manifest the next build does not depend on', async () => {
    const [first, second] = writeCorpus(4) as [string, string];
    await buildSite(options);
    edit(second, (post) => post.body.push({ type: 'paragraph', text: 'edited.' }));
    await buildSite(options);
    // A deploy step in the same process (a dev server, a webhook handler) keeps only the HTML pages of its copy.
    const manifest = readSiteManifest(out()) as Manifest;
    for (const post of Object.values(manifest.posts)) post.outputs = post.outputs.filter((output) => !output.url.endsWith('.json'));
    const slug = slugOf(first);
    rmSync(src(first));
    await buildSite(options);
    expect(existsSync(out('posts', `${slug}.json`))).toBe(false);
  });
});
