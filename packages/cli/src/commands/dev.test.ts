import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { generateCorpus } from '@alphanode/cli/generate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo, repoDir, tempDir, type CapturedIO } from '../../test/helpers.ts';
import { runCli } from '../run-cli.ts';
import { readSiteManifest, type Manifest } from '@alphanode/site/node';
// Not public: the test holds the out dir as another build would.
import { acquireBuildLock } from '../../../site/src/build/build-lock.ts';

let dir = '';
let cleanup = async () => {};
const rules = readFileSync(path.join(repoDir, 'examples/rules.yaml'), 'utf8');

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  mkdirSync(path.join(dir, 'content'));
  for (const { fileName, text } of generateCorpus({ count: 4, seed: 21 })) writeFileSync(path.join(dir, 'content', fileName), text);
  writeFileSync(path.join(dir, 'rules.yaml'), rules);
});
afterAll(() => cleanup());

/** Waits until `ready` gives a value, for at most five seconds. */
async function until<T>(ready: () => T | undefined | false): Promise<T> {
  for (const start = Date.now(); ; ) {
    const value = ready();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - start > 5000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `alphanode dev ARGS` in this process, stopped through `io.signal`. */
async function startDev(args: string[]): Promise<{ io: CapturedIO; base: string; stop(): Promise<number> }> {
  const stopper = new AbortController();
  const io: CapturedIO = { ...captureIo(dir), signal: stopper.signal };
  const exit = runCli(['dev', ...args], io);
  let code: number | undefined;
  void exit.then((value) => (code = value));
  const base = await until(() => /^serving (http:\/\/127\.0\.0\.1:\d+)\/ /m.exec(io.out())?.[1] ?? (code !== undefined && `exited ${code}: ${io.err()}`));
  expect(base).toMatch(/^http:/);
  return {
    io,
    base,
    stop: () => {
      stopper.abort();
      return exit;
    },
  };
}

/** The `reload` events of a page's event stream, as they come. */
async function listen(base: string): Promise<{ events: string[]; close(): void }> {
  const aborting = new AbortController();
  const response = await fetch(`${base}/__alphanode/events`, { signal: aborting.signal });
  const events: string[] = [];
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let text = '';
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      text += decoder.decode(value, { stream: true });
      for (let end = text.indexOf('\n\n'); end !== -1; end = text.indexOf('\n\n')) {
        const message = text.slice(0, end);
        text = text.slice(end + 2);
        if (message.startsWith('event: reload\n')) events.push(message.slice('event: reload\ndata: '.length));
      }
    }
  })();
  return { events, close: () => aborting.abort() };
}

describe('alphanode dev', () => {
  it('builds, serves with the rules\' headers and the reload snippet, and rebuilds and reloads on each save', async () => {
    const dev = await startDev(['content/*.txt', '--rules', 'rules.yaml', '--port', '0', '--out', 'dist']);
    const manifest = readSiteManifest(path.join(dir, 'dist')) as Manifest;
    const post = Object.values(manifest.posts)[0] as Manifest['posts'][string];
    const url = `${dev.base}/posts/${post.slug}`;
    expect(dev.io.out()).toMatch(/^built 4, unchanged 0, skipped 0, removed 0 in \d+ ms into .*dist\n/);

    // The rules' headers for the default target (netlify, as for build), and the snippet in HTML only.
    const page = await fetch(url);
    expect([page.status, page.headers.get('x-cache-rule'), page.headers.get('netlify-cache-tag')?.split(',')[0]]).toEqual([200, 'post-page', `post-${post.slug}`]);
    const html = await page.text();
    expect(html.match(/new EventSource\("\/__alphanode\/events"\)/g)).toHaveLength(1);
    expect(html.indexOf('EventSource')).toBeLessThan(html.lastIndexOf('</body>'));
    expect(readFileSync(path.join(dir, 'dist', 'posts', post.slug, 'index.html'), 'utf8')).not.toContain('EventSource');
    expect(await (await fetch(`${url}.json`)).text()).not.toContain('EventSource');

    // A new title (same slug): one rebuild, one line, one event naming the page.
    const page1 = await listen(dev.base);
    const source = path.join(dir, post.file);
    const text = readFileSync(source, 'utf8');
    writeFileSync(source, text.replace(post.title, post.title.toUpperCase()));
    const event = await until(() => page1.events[0]);
    expect(JSON.parse(event).urls).toContain(`/posts/${post.slug}`);
    expect(dev.io.out()).toMatch(/^\d\d:\d\d:\d\d rebuilt in \d+ ms: 1 built, 0 removed; would purge \d+ URLs \(.+\) and \d+ keys? \(post-/m);
    expect(await (await fetch(url)).text()).toContain(post.title.toUpperCase());

    // A new post in the folder is built and served.
    const [extra] = generateCorpus({ count: 1, seed: 99 });
    writeFileSync(path.join(dir, 'content', 'extra.txt'), extra?.text as string);
    await until(() => page1.events[1]);
    expect(dev.io.out()).toMatch(/rebuilt in \d+ ms: 1 built, 0 removed/);

    // New rules recompile: new headers, and every page reloads.
    const pageKeys = 'keys: ["post:{slug}", "topic:{post.meta.topic}", "stack:{post.meta.stack}"]\n    examples:\n      cached: [/posts/improving-asset-delivery]';
    expect(rules).toContain(pageKeys);
    writeFileSync(path.join(dir, 'rules.yaml'), rules.replace(pageKeys, pageKeys.replace(/keys: .*/, 'keys: ["page:{slug}"]')));
    await until(() => page1.events[2]);
    expect(JSON.parse(page1.events[2] as string)).toEqual({ urls: null, moved: {} });
    expect(dev.io.out()).toMatch(/^\d\d:\d\d:\d\d rules changed: rebuilt in \d+ ms: 5 built/m);
    expect((await fetch(url)).headers.get('netlify-cache-tag')).toBe(`page-${post.slug}`);

    // Rules that do not compile are reported; the site stays up with the rules read before.
    writeFileSync(path.join(dir, 'rules.yaml'), 'version: 1\nrules: []\n');
    await until(() => /the cache rules do not compile/.test(dev.io.err()));
    await until(() => /the rules read before still apply/.test(dev.io.err()));
    expect((await fetch(url)).headers.get('netlify-cache-tag')).toBe(`page-${post.slug}`);

    page1.close();
    expect(await dev.stop()).toBe(0);
    expect(dev.io.out()).toMatch(/stopped\n$/);
    writeFileSync(path.join(dir, 'rules.yaml'), rules);
  });

  it('lists every source after a rebuild that failed, so the save it was for is not lost', async () => {
    const dev = await startDev(['content/*.txt', '--port', '0', '--out', 'dist-lock']);
    const outDir = path.join(dir, 'dist-lock');
    const [a, b] = Object.values((readSiteManifest(outDir) as Manifest).posts) as [Manifest['posts'][string], Manifest['posts'][string]];
    const edit = (post: typeof a, word: string) => {
      const source = path.join(dir, post.file);
      writeFileSync(source, readFileSync(source, 'utf8').replace(post.title, `${post.title} ${word}`));
    };
    // Another build holds the out dir: the rebuild for A's save fails, having listed nothing.
    const release = acquireBuildLock(outDir);
    try {
      edit(a, 'first');
      await until(() => /another build|is building|lock/i.test(dev.io.err()));
    } finally {
      release();
    }
    // The next save names only B; A's save must be built too.
    edit(b, 'second');
    await until(() => /rebuilt in \d+ ms: 2 built/.test(dev.io.out()));
    const titles = Object.values((readSiteManifest(outDir) as Manifest).posts).map((post) => post.title);
    expect(titles).toEqual(expect.arrayContaining([`${a.title} first`, `${b.title} second`]));
    expect(await dev.stop()).toBe(0);
  });

  it('says what is wrong with the command line, the rules file or the port', async () => {
    const io = captureIo(dir);
    expect(await runCli(['dev'], io)).toBe(2);
    expect(io.err()).toMatch(/expected at least one GLOB/);
    expect(await runCli(['dev', 'content/*.txt', '--port', '80000'], io)).toBe(2);
    expect(io.err()).toMatch(/--port must be a whole number from 0 to 65535, found "80000"/);
    expect(await runCli(['dev', 'content/*.txt', '--target', 'nope'], io)).toBe(2);
    expect(await runCli(['dev', 'content/*.txt', '--rules', 'missing.yaml', '--out', 'dist'], io)).toBe(1);
    expect(io.err()).toMatch(/^alphanode dev: cannot read the rules missing\.yaml: no such file$/m);

    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const busy = captureIo(dir);
      expect(await runCli(['dev', 'content/*.txt', '--out', 'dist-busy', '--port', String((taken.address() as AddressInfo).port)], busy)).toBe(1);
      expect(busy.err()).toMatch(/^alphanode dev: cannot serve on 127\.0\.0\.1:\d+: .*EADDRINUSE.* \(--port to choose another\)$/m);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
