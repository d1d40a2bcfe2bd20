import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import type { BuildRun } from '../build-child.ts';
import type { FloorRun } from '../build-floor.ts';
import { hugoVersion, runHugo, writeHugoSite, type HugoRun } from '../hugo.ts';
import type { Suite } from '../suite.ts';

/** A child's own figures, and its wall time from spawn to exit as the parent saw it. */
type Timed<T> = T & { wallMs: number };

interface Rebuilds {
  full: Timed<BuildRun>;
  again: Timed<BuildRun>;
  one: Timed<BuildRun>;
}

/** The issue's targets, shown next to each figure; a rebuild row without a time target shows none. */
interface Targets {
  full?: string;
  again?: string;
  one?: string;
  rss: string;
}

const TARGETS: Targets = { full: '1.5 s', again: '0.25 s', one: '0.3 s', rss: '300 MB' };

/**
 * The post counts: the one we compare with Hugo and the floor, and the one the targets are for.
 * `BENCH_BUILD_COUNTS=400,1000` (Hugo's, the targets') overrides them for a quick check.
 */
function counts(): [number, number] {
  const value = process.env.BENCH_BUILD_COUNTS;
  if (value === undefined) return [4_000, 10_000];
  const parsed = value.split(',').map(Number);
  if (parsed.length !== 2 || !parsed.every((count) => Number.isInteger(count) && count > 0)) throw new Error(`BENCH_BUILD_COUNTS is two post counts, e.g. 400,1000, not "${value}"`);
  return parsed as [number, number];
}

const node = (args: string[]) => execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
const cli = new URL('../../../packages/cli/src/cli.ts', import.meta.url).pathname;

/**
 * A bench script in a fresh Node process on the published build (dist/, which `pnpm bench` builds
 * first), as a cron job runs a build: its peak RSS is its own, and its wall time from spawn to
 * exit includes Node's start-up, as Hugo's does.
 */
function inChild<T>(script: string, args: string[]): Timed<T> {
  const start = performance.now();
  const output = node([new URL(`../${script}`, import.meta.url).pathname, ...args]);
  return { ...(JSON.parse(output) as T), wallMs: performance.now() - start };
}

/** A fresh dir under `root` whose `content/` `alphanode generate --seed 42` wrote, removed after `use`. */
function withCorpus<T>(root: string, count: number, use: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(root, 'alphanode-bench-build-'));
  try {
    node(['--conditions=@alphanode/source', cli, 'generate', '--count', String(count), '--seed', '42', '--out', path.join(dir, 'content')]);
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A full build, one with nothing changed, and one after a sentence of the middle post changed. */
function rebuilds(dir: string): Rebuilds {
  const full = inChild<BuildRun>('build-child.ts', [dir]);
  const again = inChild<BuildRun>('build-child.ts', [dir]);
  const files = readdirSync(path.join(dir, 'content')).sort();
  const changed = path.join(dir, 'content', files[Math.floor(files.length / 2)] as string);
  writeFileSync(changed, readFileSync(changed, 'utf8').replace(/\.\n/, ', changed.\n'));
  const one = inChild<BuildRun>('build-child.ts', [dir]);
  return { full, again, one };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const n = (count: number) => count.toLocaleString('en-US');
const target = (value: string | undefined) => (value === undefined ? '' : ` (target ≤ ${value})`);
const head = (label: string, count: number) => `  ${label.padEnd(5)} ${n(count).padStart(7)} posts:`;

function rebuildRow(label: string, count: number, { full, again, one }: Rebuilds, targets: Targets): string {
  const rss = Math.max(full.rssMb, again.rssMb, one.rssMb);
  return `${head(label, count)} full ${s(full.ms)}${target(targets.full)}, no change ${s(again.ms)}${target(targets.again)}, one changed ${s(one.ms)}${target(targets.one)}; peak RSS ${rss} MB${target(targets.rss)}; full: wall ${s(full.wallMs)}, ${n(full.written)} files written; one changed: ${one.built} built`;
}

function floorRow(label: string, count: number, floor: FloorRun, ours: BuildRun): string {
  const floorMs = floor.renderMs + floor.writeMs;
  return `${head(label, count)} floor: parse+render ${s(floor.renderMs)} (${n(Math.round((floor.renderMs * 1000) / count))} µs/post, one thread, in memory) + raw writes ${s(floor.writeMs)} (${n(floor.files)} files, ${(floor.bytes / 1e6).toFixed(1)} MB, writeFileSync) = ${s(floorMs)}; our full build is ${(ours.ms / floorMs).toFixed(2)}x that`;
}

function hugoRow(label: string, count: number, ours: Timed<BuildRun>, hugo: HugoRun): string {
  const said = hugo.stderr === '' ? '' : `\n          Hugo said: ${hugo.stderr.split('\n').slice(0, 3).join(' | ')}`;
  return `${head(label, count)} alphanode full ${s(ours.ms)} in-process, ${s(ours.wallMs)} wall; Hugo ${s(hugo.wallMs)} wall (${n(hugo.htmlPages)} html pages, ${n(hugo.postPages)} of them posts, ${n(hugo.files)} files); alphanode/Hugo ${(ours.wallMs / hugo.wallMs).toFixed(2)}x wall to wall (${(ours.ms / hugo.wallMs).toFixed(2)}x in-process)${said}`;
}

/** Ours against Hugo and the floor, all on one corpus. */
function versusHugo(label: string, root: string, count: number, hugo: boolean): string[] {
  return withCorpus(root, count, (dir) => {
    const ours = inChild<BuildRun>('build-child.ts', [dir]);
    const floor = inChild<FloorRun>('build-floor.ts', [path.join(dir, 'content'), path.join(dir, 'floor')]);
    const rows = [floorRow(label, count, floor, ours)];
    if (!hugo) return [`${head(label, count)} alphanode full ${s(ours.ms)} in-process, ${s(ours.wallMs)} wall; Hugo skipped`, ...rows];
    writeHugoSite(path.join(dir, 'content'), path.join(dir, 'hugo'));
    return [hugoRow(label, count, ours, runHugo(path.join(dir, 'hugo'), path.join(dir, 'hugo-public'))), ...rows];
  });
}

/** The targets' size: the three builds against their targets, and the floor on the same corpus. */
function againstTargets(label: string, root: string, count: number): string[] {
  return withCorpus(root, count, (dir) => {
    const runs = rebuilds(dir);
    const floor = inChild<FloorRun>('build-floor.ts', [path.join(dir, 'content'), path.join(dir, 'floor')]);
    return [rebuildRow(label, count, runs, label === 'tmpfs' ? TARGETS : { ...TARGETS, full: `${TARGETS.full} on tmpfs` }), floorRow(label, count, floor, runs.full)];
  });
}

const roots = (): [string, string][] => [...(existsSync('/dev/shm') ? ([['tmpfs', '/dev/shm']] as [string, string][]) : []), ['disk', tmpdir()]];

/**
 * `alphanode build` where a user would feel it, on tmpfs and on disk (so the code and the file
 * system can be told apart), one run each: the targets at 10,000 posts; Hugo, the fastest peer,
 * on the same 4,000 posts as Markdown, wall to wall; and the floor (parse and render alone, raw
 * writes alone), so the gap our own machinery costs is visible.
 */
export const buildSuite: Suite = {
  name: 'build',
  async run() {
    const [hugoCount, targetCount] = counts();
    const hugo = hugoVersion();
    const lines = [
      `targets at 10,000 posts, 2 cores: full ≤ ${TARGETS.full} on tmpfs, no change ≤ ${TARGETS.again}, one changed ≤ ${TARGETS.one}, peak RSS ≤ ${TARGETS.rss}${targetCount === 10_000 ? '' : ` (this run: ${n(targetCount)} posts, from BENCH_BUILD_COUNTS)`}`,
      `each build in its own process; "full 1.23 s" is the build's own summary.ms, "wall" its process from spawn to exit (Node start-up included); ${roots()
        .map(([label, root]) => `${label} = ${root}`)
        .join(', ')}`,
      hugo === undefined
        ? 'Hugo: skipped, `hugo` is not on PATH (apt-get install hugo)'
        : `Hugo: ${hugo}; \`hugo --quiet\` into a fresh dir, default config but baseURL and title, layouts single.html and list.html printing the title and .Content`,
    ];
    for (const [label, root] of roots()) lines.push(...versusHugo(label, root, hugoCount, hugo !== undefined), ...againstTargets(label, root, targetCount));
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
    const [label, root] = roots()[0] as [string, string];
    const small = withCorpus(root, 10_000, rebuilds);
    const large = withCorpus(root, 100_000, rebuilds);
    const ratio = (pick: (runs: Rebuilds) => BuildRun) => ((pick(large).ms / 100_000) / (pick(small).ms / 10_000)).toFixed(2);
    return [
      `targets: linear (1.00x per post), peak RSS ≤ 600 MB at 100,000 posts`,
      rebuildRow(label, 10_000, small, TARGETS),
      rebuildRow(label, 100_000, large, { rss: '600 MB' }),
      `  → per post, 100,000 vs 10,000: full ${ratio((runs) => runs.full)}x, no change ${ratio((runs) => runs.again)}x (1.00x is linear)`,
    ].join('\n');
  },
};
