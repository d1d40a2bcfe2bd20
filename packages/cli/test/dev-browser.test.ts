import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { generateCorpus } from '@alphanode/cli/generate';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoDir, tempDir } from './helpers.ts';
import { readSiteManifest, type Manifest } from '@alphanode/site/node';

// Debian's chromium, installed by scripts/system-deps.sh (CI runs it); `playwright install` cannot
// run here. Without it the test is skipped locally, and fails in CI, where it must run.
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: run scripts/system-deps.sh`);

// A small corpus here; `ALPHANODE_DEV_POSTS=10000` measures save-to-reload on a large site by hand.
const POSTS = Number(process.env['ALPHANODE_DEV_POSTS'] ?? 40);
const EDITS = Number(process.env['ALPHANODE_DEV_EDITS'] ?? 3);
// Generous for a loaded CI machine; the figure the test reports is what to watch.
const RELOAD_WITHIN_MS = 5000;

let dir = '';
let cleanup = async () => {};
let child: ChildProcess | undefined;
let browser: Browser | undefined;
let stdout = '';
let stderr = '';

/** Waits until `ready` gives a value, or fails after `ms` saying what the dev server printed. */
async function until<T>(ready: () => T | undefined, ms: number): Promise<T> {
  for (const start = Date.now(); ; ) {
    const value = ready();
    if (value !== undefined) return value;
    if (Date.now() - start > ms || child?.exitCode != null) throw new Error(`timed out; dev printed:\n${stdout}\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  mkdirSync(path.join(dir, 'content'));
  for (const { fileName, text } of generateCorpus({ count: POSTS, seed: 4 })) writeFileSync(path.join(dir, 'content', fileName), text);
  writeFileSync(path.join(dir, 'rules.yaml'), readFileSync(path.join(repoDir, 'examples/rules.yaml')));
});

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode == null) child.kill('SIGKILL');
  await cleanup();
});

describe.skipIf(!available)('alphanode dev in headless Chromium', () => {
  it('reloads an open post page within a few seconds of its source being saved, and stops cleanly on SIGTERM', async (context) => {
    // The real bin, from source, as a user runs it.
    child = spawn(process.execPath, ['--conditions=@alphanode/source', path.join(repoDir, 'packages/cli/src/cli.ts'), 'dev', 'content/*.txt', '--rules', 'rules.yaml', '--out', 'dist', '--port', '0'], { cwd: dir });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    const base = await until(() => /^serving (http:\/\/127\.0\.0\.1:\d+)\/ /m.exec(stdout)?.[1], POSTS * 20 + 20_000);

    const manifest = readSiteManifest(path.join(dir, 'dist')) as Manifest;
    const post = Object.values(manifest.posts)[0] as Manifest['posts'][string];
    const source = path.join(dir, post.file);
    const original = readFileSync(source, 'utf8');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // The generated posts' images are on other hosts: no name resolves but loopback, so nothing
      // leaves the machine and the load event waits for no network.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
    const page = await browser.newPage();
    const listening = () => page.waitForResponse((response) => response.url() === `${base}/__alphanode/events`);
    let connected = listening();
    await page.goto(`${base}/posts/${post.slug}`, { waitUntil: 'load' });
    // The heading, not <title>, which the renderer cuts short for a long title.
    expect(await page.textContent('h1')).toBe(post.title);

    // Titles that keep the slug (case and punctuation are not part of it), so the page stays at its URL.
    const titles = Array.from({ length: EDITS }, (_, i) => (i % 2 === 0 ? post.title.toUpperCase() : `${post.title}!`.replace(/^./, (c) => c.toUpperCase())) + '!'.repeat(i));
    const timings: number[] = [];
    // Of each: from the save to the reloaded page's navigation (the watch, the debounce, the
    // rebuild and the event), and from there to its load event.
    const parts: string[] = [];
    for (const title of titles) {
      await connected;
      connected = listening();
      const reloaded = page.waitForEvent('load', { timeout: RELOAD_WITHIN_MS * 2 });
      const saved = performance.now();
      const savedAt = Date.now();
      writeFileSync(source, original.replace(post.title, title));
      await reloaded;
      timings.push(Math.round(performance.now() - saved));
      const navigated = Math.round((await page.evaluate(() => performance.timeOrigin)) - savedAt);
      parts.push(`${navigated} + ${(timings.at(-1) as number) - navigated}`);
      expect(await page.textContent('h1')).toBe(title);
    }
    await context.annotate(`save to reloaded page, ${POSTS} posts: ${timings.join(', ')} ms (to navigation + to load: ${parts.join(', ')})`);
    expect(timings.filter((ms) => ms > RELOAD_WITHIN_MS)).toEqual([]);
    expect(stdout.match(/rebuilt in \d+ ms: 1 built, 0 removed; would purge/g)).toHaveLength(EDITS);

    // A title that moves the post: the open page follows it to its new URL, not to a 404.
    await connected;
    const movedTitle = 'A moved title for the dev loop';
    const followed = page.waitForURL(`${base}/posts/a-moved-title-for-the-dev-loop`, { timeout: RELOAD_WITHIN_MS * 2, waitUntil: 'load' });
    writeFileSync(source, original.replace(post.title, movedTitle));
    await followed;
    expect(await page.textContent('h1')).toBe(movedTitle);

    // SIGTERM stops the watchers, the event streams and the server: the process exits by itself, with 0.
    const stopping = performance.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(performance.now() - stopping).toBeLessThan(5000);
    expect(stdout).toMatch(/stopped\n$/);
    // Warnings only (no base URL, two generated titles that give one slug): nothing failed.
    expect(stderr.split('\n').filter((line) => line !== '' && !/: warning [a-z-]+: /.test(line))).toEqual([]);
  }, POSTS > 1000 ? 1_800_000 : 60_000);
});
