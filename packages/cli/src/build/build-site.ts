import { rm } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { compileRules, type CacheRulesEngine, type TargetName } from '@alphanode/cache-rules';
import type { Diagnostic } from '@alphanode/parser';
import { readFailureDiagnostic } from '@alphanode/parser/node';
import fg from 'fast-glob';
import { removeTempFiles, writeFileAtomic } from './atomic-write.ts';
import { BuildError } from './build-error.ts';
import { acquireBuildLock } from './build-lock.ts';
import { writeListings } from './write-listings.ts';
import { emptyManifest, readManifest, writeManifest, type Manifest, type ManifestPost } from './manifest.ts';
import { removalPurge, runPageJob, type PageContext, type PageJob, type PageJobResult } from './page-job.ts';
import { DEFAULT_PAGE_SETTINGS, type PageSettings } from './page-settings.ts';
import { postUrl, shortHash } from './site-paths.ts';
import { createSlugRegistry } from './slug-registry.ts';
import { readSourceState, type SourceState } from './source-file.ts';
import { titleOf } from './title-of.ts';
import { createWorkerPool, type WorkerPool } from './worker-pool.ts';

/** Where a run that changed something writes its purge plan, in the out dir. */
export const PURGE_PLAN_FILE = 'purge-plan.json';

// Files taken at a time: their texts are the only posts held in memory at once.
const BATCH = 512;
// Fewer changed posts than this are built on the main thread: starting workers costs more.
const WORKER_THRESHOLD = 64;

export interface BuildOptions {
  /** Globs of post files, relative to `cwd`. */
  patterns: string | readonly string[];
  cwd?: string;
  /** Where the site goes (relative to `cwd`). */
  outDir: string;
  /** Cache rules (YAML text or object) for the `_headers` file and the purge keys. */
  rules?: string | object;
  target?: TargetName;
  settings?: Partial<PageSettings>;
  strict?: boolean;
  /** Worker threads for parsing and rendering; default one per core, 0 for none. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface BuildSummary {
  built: number;
  unchanged: number;
  skipped: number;
  removed: number;
  /** Files written (relative to the out dir), listings and `_headers` included. */
  written: string[];
  /** Every error and warning, each naming its file, line and column. */
  diagnostics: Diagnostic[];
  purge: { keys: string[]; urls: string[] };
  ms: number;
}

interface Run {
  previous: Manifest;
  next: Manifest;
  summary: BuildSummary;
  purgeKeys: Set<string>;
  purgeUrls: Set<string>;
  /** Whether any manifest entry differs from the previous run's. */
  changed: boolean;
  /** Whether a post joined, left or moved in the listings (its slug, title or topic changed). */
  listingsChanged: boolean;
}

function compile(rules: string | object | undefined): CacheRulesEngine | undefined {
  if (rules === undefined) return undefined;
  const compiled = compileRules(rules as string);
  if (!compiled.ok) throw new BuildError('invalid-rules', `the cache rules do not compile:\n${compiled.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n')}`, false);
  return compiled.engine;
}

/** Records one file's outcome in the next manifest and the summary; called in path order. */
function record(run: Run, file: string, state: SourceState, slug: string | undefined, result: PageJobResult | undefined): void {
  const previous = run.previous.posts[file];
  if (state.kind === 'unchanged') {
    run.next.posts[file] = state.entry;
    // A fresh clone: same content, new mtime, recorded so the next run can skip the read.
    if (state.entry !== previous) run.changed = true;
    run.summary.unchanged++;
    return;
  }
  if (state.kind === 'unreadable') run.summary.diagnostics.push(readFailureDiagnostic(file, state.error));
  if (result) run.summary.diagnostics.push(...result.diagnostics);
  if (state.kind === 'unreadable' || !result?.page || slug === undefined) {
    // The previous page, if any, stays up: a bad import must not take a good page down.
    if (previous) run.next.posts[file] = previous;
    run.summary.skipped++;
    return;
  }
  const { page } = result;
  run.changed = true;
  if (previous?.slug !== slug || previous.title !== page.title || previous.topic !== page.topic) run.listingsChanged = true;
  run.next.posts[file] = { file, hash: state.hash, size: state.size, mtimeMs: state.mtimeMs, slug, title: page.title, topic: page.topic, outputs: page.outputs, keys: page.keys };
  run.summary.written.push(...page.outputs);
  for (const key of page.purge.keys) run.purgeKeys.add(key);
  for (const url of page.purge.urls) run.purgeUrls.add(url);
  run.summary.built++;
}

/** Removes a deleted source's pages, unless a current post was given its slug in this run. */
async function removePost(run: Run, entry: ManifestPost, context: PageContext, slugTaken: boolean): Promise<void> {
  run.summary.removed++;
  run.purgeUrls.add(postUrl(entry.slug));
  if (slugTaken) return;
  const plan = removalPurge(context, entry.slug);
  for (const key of plan.keys) run.purgeKeys.add(key);
  for (const url of plan.urls) run.purgeUrls.add(url);
  for (const output of entry.outputs) await rm(path.join(context.outDir, output), { force: true });
  await rm(path.join(context.outDir, 'posts', entry.slug), { recursive: true, force: true });
}

/**
 * Builds a site from post files, incrementally: a file whose content hash (and the settings) did
 * not change is not read again, nothing unchanged is written, a removed post's pages go, and the
 * summary carries the purge plan for exactly what changed. Parsing and rendering run on worker
 * threads, a batch of files at a time. Every write is atomic and the manifest is written last, so
 * a run killed at any point leaves whole files and the next run completes it. One build at a time
 * writes an out dir: a second one started meanwhile (cron firing again) throws a retryable
 * `BuildError` ('build-running'); rules that do not compile throw one too ('invalid-rules').
 *
 * @example
 * const summary = await buildSite({ patterns: 'content/**\/*.txt', outDir: 'dist' });
 * console.log(summary.built, summary.unchanged, summary.purge.urls);
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const start = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, options.outDir);
  const engine = compile(options.rules);
  const release = acquireBuildLock(outDir);
  try {
    return await build(options, cwd, outDir, engine, start);
  } finally {
    release();
  }
}

async function build(options: BuildOptions, cwd: string, outDir: string, engine: CacheRulesEngine | undefined, start: number): Promise<BuildSummary> {
  const settings: PageSettings = { ...DEFAULT_PAGE_SETTINGS, ...options.settings };
  const strict = options.strict === true;
  const context: PageContext = { outDir, settings, engine, strict };
  const settingsHash = shortHash(JSON.stringify({ settings, rules: options.rules ?? null, target: options.target ?? null, strict }), 32);
  // Empty on a first run, or when the settings changed: then nothing from before is trusted.
  const previous = await readManifest(outDir, settingsHash);
  const summary: BuildSummary = { built: 0, unchanged: 0, skipped: 0, removed: 0, written: [], diagnostics: [], purge: { keys: [], urls: [] }, ms: 0 };
  const run: Run = { previous, next: emptyManifest(settingsHash), summary, purgeKeys: new Set(), purgeUrls: new Set(), changed: false, listingsChanged: false };
  removeTempFiles(outDir);

  const files = (await fg([options.patterns].flat(), { cwd, onlyFiles: true })).sort();
  const current = new Set(files);
  const removed = Object.values(previous.posts).filter((entry) => !current.has(entry.file));
  // A removed post gives up its slug before new posts are handed theirs.
  const registry = createSlugRegistry(Object.values(previous.posts).filter((entry) => current.has(entry.file)));
  let pool: WorkerPool | undefined;
  try {
    const readBatch = (at: number) => files.slice(at, at + BATCH).map((file) => readSourceState(path.resolve(cwd, file), settingsHash, previous.posts[file]));
    let states = readBatch(0);
    for (let at = 0; at < files.length; at += BATCH) {
      const batch = files.slice(at, at + BATCH);
      // Slugs are handed out here, in path order, so a build is repeatable whichever thread renders.
      const jobs: PageJob[] = [];
      const slugs = batch.map((file, i) => {
        const state = states[i] as SourceState;
        if (state.kind !== 'changed') return undefined;
        const slug = registry.slugFor(file, titleOf(state.text));
        const previousSlug = previous.posts[file]?.slug;
        jobs.push(previousSlug === undefined ? { file, text: state.text, slug } : { file, text: state.text, slug, previousSlug });
        return slug;
      });
      const useWorkers = jobs.length >= WORKER_THRESHOLD && options.workers !== 0;
      if (useWorkers) pool ??= createWorkerPool({ outDir, settings, rules: options.rules, strict }, options.workers);
      const rendering = pool && useWorkers ? pool.run(jobs) : undefined;
      // The next batch is read while the workers render this one.
      const next = at + BATCH < files.length ? readBatch(at + BATCH) : [];
      const results = rendering ? await rendering : jobs.map((job) => runPageJob(job, context));
      const byFile = new Map(results.map((result) => [result.file, result]));
      batch.forEach((file, i) => {
        const result = byFile.get(file);
        if (result && !result.page) registry.release(file);
        record(run, file, states[i] as SourceState, slugs[i], result);
      });
      options.onProgress?.(Math.min(at + BATCH, files.length), files.length);
      states = next;
    }
  } finally {
    await pool?.close();
  }
  const slugsInUse = new Set(Object.values(run.next.posts).map((entry) => entry.slug));
  for (const entry of removed) await removePost(run, entry, context, slugsInUse.has(entry.slug));
  if (removed.length > 0) run.changed = run.listingsChanged = true;
  // Listings show each post's slug, title and topic only: when none of those moved, rendering every
  // listing again to find that nothing changed is the slowest part of a rebuild.
  // No previous listings: a first run, or new settings (the manifest then reads as empty).
  if (run.listingsChanged || Object.keys(previous.listings).length === 0) {
    const written = await writeListings({ outDir, settings, engine, target: options.target ?? 'netlify', previous: previous.listings, posts: Object.values(run.next.posts) });
    run.next.listings = written.listings;
    summary.written.push(...written.files);
    for (const url of written.removedUrls) run.purgeUrls.add(url);
    if (written.files.length > 0 || written.removedUrls.length > 0) run.changed = true;
  } else run.next.listings = previous.listings;
  summary.purge = { keys: [...run.purgeKeys].sort(), urls: [...run.purgeUrls].sort() };
  // The plan of the run that changed something, for a deploy step to send to the CDN; a run that
  // changed nothing leaves no plan behind, so a stale one is never purged twice.
  if (summary.purge.urls.length > 0 || summary.purge.keys.length > 0) writeFileAtomic(outDir, PURGE_PLAN_FILE, `${JSON.stringify(summary.purge, null, 1)}\n`);
  else await rm(path.join(outDir, PURGE_PLAN_FILE), { force: true });
  if (run.changed) writeManifest(outDir, run.next);
  // Left empty by a run that finished; gone, so that it is not deployed with the site.
  removeTempFiles(outDir);
  summary.ms = performance.now() - start;
  return summary;
}
