import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import type { Suite } from '../suite.ts';

interface ChildRun {
  ms: number;
  built: number;
  unchanged: number;
  written: number;
  rssMb: number;
}

interface Runs {
  full: ChildRun;
  again: ChildRun;
  one: ChildRun;
}

const child = new URL('../build-child.ts', import.meta.url).pathname;
const cli = new URL('../../../packages/cli/src/cli.ts', import.meta.url).pathname;
const node = (args: string[]) => execFileSync(process.execPath, ['--conditions=@alphanode/source', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });

/**
 * One build in a fresh process, as a cron job would run it, its own peak RSS included. It runs the
 * published build of `@alphanode/site` (dist/, which `pnpm bench` builds first), not the TypeScript source:
 * start-up and memory are part of the figure.
 */
function buildInChild(dir: string): ChildRun {
  return JSON.parse(execFileSync(process.execPath, [child, dir], { encoding: 'utf8' })) as ChildRun;
}

/** A corpus written by `alphanode generate` (one file at a time, in its own process), then three builds. */
function measureOn(root: string, count: number): Runs {
  const dir = mkdtempSync(path.join(root, 'alphanode-bench-build-'));
  try {
    node([cli, 'generate', '--count', String(count), '--seed', '42', '--out', path.join(dir, 'content')]);
    const full = buildInChild(dir);
    const again = buildInChild(dir);
    const files = readdirSync(path.join(dir, 'content')).sort();
    const changed = path.join(dir, 'content', files[Math.floor(count / 2)] as string);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/\.\n/, ', changed.\n'));
    const one = buildInChild(dir);
    return { full, again, one };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const seconds = (run: ChildRun) => `${(run.ms / 1000).toFixed(2)} s`;

function line(count: number, { full, again, one }: Runs): string {
  const rss = Math.max(full.rssMb, again.rssMb, one.rssMb);
  return `  ${String(count).padStart(7)} posts: full ${seconds(full)} (${full.written} files, ${Math.round((full.ms * 1000) / count)} µs/post), no change ${seconds(again)}, one changed ${seconds(one)} (built ${one.built}); peak RSS ${rss} MB`;
}

const roots = (): [string, string][] => [['disk (os.tmpdir)', tmpdir()], ...(existsSync('/dev/shm') ? ([['tmpfs (/dev/shm)', '/dev/shm']] as [string, string][]) : [])];

/**
 * `alphanode build` on generated corpora, each build in its own process (as cron runs it): a full
 * build, a rebuild with nothing changed, and one with one post changed, on the temp disk and, where
 * there is one, on tmpfs (/dev/shm), since on a slow disk the file system, not the code, sets the
 * figure. Peers for scale (not run here): a widely cited static-site benchmark builds 4,000
 * Markdown pages in 0.68 s with Hugo and 1.93 s with Eleventy.
 */
export const buildSuite: Suite = {
  name: 'build',
  async run() {
    const lines: string[] = ['targets (10,000 posts, 2 cores): full <= 2 s, no change < 0.5 s, one changed < 0.5 s, peak RSS <= 300 MB'];
    for (const [label, root] of roots()) {
      lines.push(`${label}:`);
      for (const count of [4_000, 10_000]) lines.push(line(count, measureOn(root, count)));
    }
    lines.push('for scale: Hugo 0.68 s and Eleventy 1.93 s for 4,000 Markdown pages (their published figures, other hardware)');
    return lines.join('\n');
  },
};

/**
 * Whether a build stays linear at 100,000 posts: the time per post of a full and of a no-change
 * build at 10,000 and at 100,000 posts, on tmpfs where there is one (about 3 GB of output). Several
 * minutes, so it runs only when named: `pnpm bench build-100k`.
 */
export const buildScaleSuite: Suite = {
  name: 'build-100k',
  onlyWhenNamed: true,
  async run() {
    const [label, root] = roots().at(-1) as [string, string];
    const small = measureOn(root, 10_000);
    const large = measureOn(root, 100_000);
    const perPost = (run: ChildRun, count: number) => run.ms / count;
    return [
      `${label}:`,
      line(10_000, small),
      line(100_000, large),
      `  → per post, 100,000 vs 10,000: full ${(perPost(large.full, 100_000) / perPost(small.full, 10_000)).toFixed(2)}x, no change ${(perPost(large.again, 100_000) / perPost(small.again, 10_000)).toFixed(2)}x (1.00x is linear)`,
    ].join('\n');
  },
};
