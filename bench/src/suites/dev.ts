import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { readSiteManifest } from '@alphanode/site/node';
import { median } from '../measure.ts';
import type { Suite } from '../suite.ts';

/** The figure: save to reloaded page on a site of this many posts, under 300 ms. */
const POSTS = Number(process.env.BENCH_DEV_POSTS ?? 10_000);
const TARGET_MS = 300;
/** Saves of each kind; the machine is noisy, so their median and range are reported. */
const SAVES = 8;
/** Between saves, longer than dev's 50 ms debounce, so that each save is a rebuild of its own. */
const PAUSE_MS = 400;

const cli = fileURLToPath(new URL('../../../packages/cli/bin/alphanode.js', import.meta.url));
const rulesFile = fileURLToPath(new URL('../../../examples/rules.yaml', import.meta.url));

/** `alphanode dev` (the published build) in its own process, and the URL it serves once it says so. */
async function startDev(dir: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [cli, 'dev', 'content/*.txt', '--rules', rulesFile, '--out', 'dist', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const served = /^serving (http:\/\/[^/\s]+)\//m.exec(out);
      if (served) resolve(served[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`alphanode dev exited ${code} before it served: ${out}`)));
  });
  return { child, base };
}

/** A `reload` event: the URLs whose bytes changed (null: every page), and the pages that moved, old URL to new. */
interface Reload {
  urls: string[] | null;
  moved: Record<string, string>;
}

/** An open page's event stream: `next()` resolves with the next `reload` event. */
async function listen(base: string): Promise<{ next(): Promise<Reload>; close(): void }> {
  const aborting = new AbortController();
  const response = await fetch(`${base}/__alphanode/events`, { signal: aborting.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    async next() {
      for (;;) {
        for (let end = text.indexOf('\n\n'); end !== -1; end = text.indexOf('\n\n')) {
          const message = text.slice(0, end);
          text = text.slice(end + 2);
          const data = /^event: reload\ndata: (.*)$/m.exec(message)?.[1];
          if (data !== undefined) return JSON.parse(data) as Reload;
        }
        const { done, value } = await reader.read();
        if (done) throw new Error('the event stream ended');
        text += decoder.decode(value, { stream: true });
      }
    },
    close: () => aborting.abort(),
  };
}

/**
 * The two saves a writer makes, each leaving a mark the reloaded page must show: a sentence of the
 * body, and the title (which moves the page to a new URL, and listings and Similar Posts links).
 */
const EDITS = {
  body: (text: string, mark: string) => text.replace(/\.\n/, `, ${mark}.\n`),
  title: (text: string, mark: string) => text.replace(/^(\|\n\n)(.*)\n/, (_, head: string, title: string) => `${head}${title} ${mark}\n`),
};

/**
 * One save: the time from writing the file to the reload event naming the post's page, and on to
 * fetching the page a reloading browser asks for (the new URL, for a post that moved) and finding
 * the edit in it.
 */
async function save(file: string, url: string, edit: (text: string) => string, mark: string, base: string, events: { next(): Promise<Reload> }): Promise<{ eventMs: number; pageMs: number }> {
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit changed nothing in ${file}`);
  // The page is open in a browser as its post is edited: that is the page the save reloads.
  await (await fetch(`${base}${url}`)).text();
  const start = performance.now();
  writeFileSync(file, after);
  let reload: Reload;
  do reload = await events.next();
  while (reload.urls != null && !reload.urls.includes(url));
  const eventMs = performance.now() - start;
  const to = reload.moved[url] ?? url;
  const response = await fetch(`${base}${to}`);
  const page = await response.text();
  const pageMs = performance.now() - start;
  if (response.status !== 200 || !page.includes(mark)) throw new Error(`${to} (${response.status}) does not show the save to ${file}`);
  return { eventMs, pageMs };
}

const range = (values: readonly number[]) => `median ${Math.round(median(values))} ms (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;

/**
 * `alphanode dev` on a generated site: saves posts one at a time, alternately a body edit and a
 * retitle, and times each from the write to the page fetched again after its reload event. The
 * first save of each kind after start is reported apart: it runs before the JIT has warmed.
 */
export const devSuite: Suite = {
  name: 'dev',
  // Generates 10,000 posts and builds them first: `pnpm bench dev`.
  onlyWhenNamed: true,
  async run() {
    const root = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
    const dir = mkdtempSync(path.join(root, 'alphanode-bench-dev-'));
    let child: ChildProcess | undefined;
    try {
      execFileSync(process.execPath, [cli, 'generate', '--count', String(POSTS), '--seed', '42', '--out', path.join(dir, 'content')]);
      const started = performance.now();
      const dev = await startDev(dir);
      child = dev.child;
      const startMs = performance.now() - started;
      const events = await listen(dev.base);
      // Past the catch-up run that follows the first build.
      await sleep(1000);
      const manifest = readSiteManifest(path.join(dir, 'dist'));
      if (manifest === undefined) throw new Error('dev wrote no manifest');
      const posts = Object.values(manifest.posts);
      const times: Record<keyof typeof EDITS, { eventMs: number; pageMs: number }[]> = { body: [], title: [] };
      for (let round = 0; round < SAVES; round++) {
        for (const kind of ['body', 'title'] as const) {
          const post = posts[Math.floor(((round * 2 + (kind === 'title' ? 1 : 0) + 0.5) / (SAVES * 2)) * posts.length)];
          if (post === undefined) throw new Error('too few posts');
          const url = post.outputs[0]?.url as string;
          const mark = `${kind === 'body' ? 'edited' : 'revised'} in round ${round}`;
          times[kind].push(await save(path.join(dir, post.file), url, (text) => EDITS[kind](text, mark), mark, dev.base, events));
          await sleep(PAUSE_MS);
        }
      }
      events.close();
      const row = (label: string, runs: { eventMs: number; pageMs: number }[]) => {
        const [first, ...rest] = runs;
        return `  ${label.padEnd(8)} to the page: ${range(rest.map((r) => r.pageMs))}, to the reload event: ${range(rest.map((r) => r.eventMs))}; the first after start ${Math.round(first?.pageMs ?? 0)} ms (target < ${TARGET_MS} ms)`;
      };
      return [
        `  ${POSTS.toLocaleString('en-US')} posts; alphanode dev served after ${(startMs / 1000).toFixed(1)} s (first build); ${SAVES} saves of each kind, one post each, ${PAUSE_MS} ms apart; times include dev's 50 ms debounce`,
        row('body', times.body),
        row('retitle', times.title),
      ].join('\n');
    } finally {
      child?.kill('SIGTERM');
      if (child && child.exitCode == null && child.signalCode == null) await new Promise((resolve) => child?.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
