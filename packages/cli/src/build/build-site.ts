import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { compileRules, purgePlan, type CacheRulesEngine, type TargetName } from '@alphanode/cache-rules';
import type { Diagnostic, Post } from '@alphanode/parser';
import { readFailureDiagnostic } from '@alphanode/parser/node';
import fg from 'fast-glob';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write.ts';
import { renderHeadersFile } from './headers-file.ts';
import { renderIndexPage, renderTopicPage, type ListingItem } from './listing-pages.ts';
import { emptyManifest, readManifest, writeManifest, type Manifest, type ManifestPost } from './manifest.ts';
import { DEFAULT_PAGE_SETTINGS, type PageSettings } from './page-settings.ts';
import { readPost, renderPostPage } from './render-post-file.ts';
import { htmlFileFor, postUrl, shortHash, topicUrl } from './site-paths.ts';
import { createSlugRegistry, type SlugRegistry } from './slug-registry.ts';
import { readSourceState } from './source-file.ts';

/** Where a run that changed something writes its purge plan, in the out dir. */
export const PURGE_PLAN_FILE = 'purge-plan.json';

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
  /** Files read at once. Default 16. */
  concurrency?: number;
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
  options: BuildOptions;
  outDir: string;
  settings: PageSettings;
  engine: CacheRulesEngine | undefined;
  previous: Manifest;
  next: Manifest;
  summary: BuildSummary;
  purgeKeys: Set<string>;
  purgeUrls: Set<string>;
}

async function readPreviousPost(outDir: string, entry: ManifestPost): Promise<Post | undefined> {
  try {
    return JSON.parse(await readFile(path.join(outDir, 'posts', entry.slug, 'index.json'), 'utf8')) as Post;
  } catch {
    return undefined;
  }
}

async function addPurge(run: Run, before: Post | undefined, after: Post | undefined, urls: string[]): Promise<void> {
  const plan = purgePlan(before, after, run.engine ? { rules: run.engine } : {});
  for (const key of plan.keys) run.purgeKeys.add(key);
  for (const url of [...plan.urls, ...urls]) run.purgeUrls.add(url);
}

async function writeIfChanged(run: Run, relative: string, content: string): Promise<void> {
  const hash = shortHash(content, 32);
  if (run.previous.listings[relative] === hash) {
    run.next.listings[relative] = hash;
    return;
  }
  writeFileAtomic(path.join(run.outDir, relative), content);
  run.next.listings[relative] = hash;
  run.summary.written.push(relative);
}

type Prepared = { file: string; state: Awaited<ReturnType<typeof readSourceState>>; post?: Post | undefined };

/** Reads and parses one file; run for a batch at once. Nothing here depends on the order of files. */
async function prepare(run: Run, file: string, trust: boolean): Promise<Prepared> {
  const state = await readSourceState(path.resolve(run.options.cwd ?? process.cwd(), file), run.next.settings, run.previous.posts[file], trust);
  if (state.kind !== 'changed') return { file, state };
  const { post, diagnostics } = readPost(state.text, file, run.options.strict === true);
  run.summary.diagnostics.push(...diagnostics);
  return { file, state, post };
}

/**
 * Gives a prepared file its slug and records it in the manifest, in path order (so slugs and the
 * manifest do not depend on which read finished first); returns the writing left to do.
 */
function commit(run: Run, { file, state, post }: Prepared, registry: SlugRegistry): (() => Promise<void>) | undefined {
  const previous = run.previous.posts[file];
  if (state.kind === 'unchanged') {
    run.next.posts[file] = state.entry;
    run.summary.unchanged++;
    return undefined;
  }
  if (state.kind === 'unreadable' || !post) {
    if (state.kind === 'unreadable') run.summary.diagnostics.push(readFailureDiagnostic(file, state.error));
    // The previous page, if any, stays up: a bad import must not take a good page down.
    if (previous) run.next.posts[file] = previous;
    run.summary.skipped++;
    return undefined;
  }
  const slug = registry.slugFor(file, post.title);
  const page = renderPostPage(post, slug, run.settings);
  const keys = run.engine ? run.engine.keysFor(postUrl(slug), post) : [];
  run.next.posts[file] = { file, hash: state.hash, size: state.size, mtimeMs: state.mtimeMs, slug, title: post.title, topic: post.meta.topic, outputs: page.outputs.map((output) => output.path), keys };
  run.summary.written.push(...page.outputs.map((output) => output.path));
  run.summary.built++;
  return async () => {
    const before = previous ? await readPreviousPost(run.outDir, previous) : undefined;
    const moved = previous !== undefined && previous.slug !== slug;
    if (moved) await removeOutputs(run, previous);
    for (const output of page.outputs) writeFileAtomic(path.join(run.outDir, output.path), output.content);
    await addPurge(run, before, post, [postUrl(slug), ...(moved ? [postUrl(previous.slug)] : [])]);
  };
}

async function removeOutputs(run: Run, entry: ManifestPost): Promise<void> {
  for (const output of entry.outputs) await rm(path.join(run.outDir, output), { force: true });
  await rm(path.join(run.outDir, 'posts', entry.slug), { recursive: true, force: true });
}

async function writeListings(run: Run): Promise<void> {
  const items: ListingItem[] = Object.values(run.next.posts)
    .map(({ slug, title, topic }) => ({ slug, title, topic }))
    .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.slug < b.slug ? -1 : 1));
  await writeIfChanged(run, 'index.html', renderIndexPage(items, run.settings));
  const byTopic = new Map<string, ListingItem[]>();
  for (const item of items) byTopic.set(item.topic, [...(byTopic.get(item.topic) ?? []), item]);
  for (const [topic, list] of byTopic) await writeIfChanged(run, htmlFileFor(topicUrl(topic)), renderTopicPage(topic, list, run.settings));
  for (const listing of Object.keys(run.previous.listings)) {
    if (listing in run.next.listings || !listing.startsWith('topics/')) continue;
    await rm(path.join(run.outDir, listing), { force: true });
    run.purgeUrls.add(`/${path.posix.dirname(listing)}/`);
  }
  if (run.engine) await writeIfChanged(run, '_headers', renderHeadersFile(run.engine, run.options.target ?? 'netlify'));
}

/**
 * Builds a site from post files, incrementally: a file whose content hash (and the settings) did
 * not change is not read again, nothing unchanged is written, a removed post's pages go, and the
 * summary carries the purge plan for exactly what changed. Every write is atomic and the manifest
 * is written last, so a run killed at any point leaves whole files and the next run completes it.
 *
 * @example
 * const summary = await buildSite({ patterns: 'content/**\/*.txt', outDir: 'dist' });
 * console.log(summary.built, summary.unchanged, summary.purge.urls);
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const start = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, options.outDir);
  const settings: PageSettings = { ...DEFAULT_PAGE_SETTINGS, ...options.settings };
  let engine: CacheRulesEngine | undefined;
  if (options.rules !== undefined) {
    const compiled = compileRules(options.rules as string);
    if (!compiled.ok) throw new Error(`the cache rules do not compile:\n${compiled.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n')}`);
    engine = compiled.engine;
  }
  const settingsHash = shortHash(JSON.stringify({ settings, rules: options.rules ?? null, target: options.target ?? null, strict: options.strict === true }), 32);
  const previous = await readManifest(outDir, settingsHash);
  const trust = previous.settings === settingsHash;
  const summary: BuildSummary = { built: 0, unchanged: 0, skipped: 0, removed: 0, written: [], diagnostics: [], purge: { keys: [], urls: [] }, ms: 0 };
  const run: Run = { options, outDir, settings, engine, previous, next: emptyManifest(settingsHash), summary, purgeKeys: new Set(), purgeUrls: new Set() };
  await removeStaleTempFiles(outDir);

  const files = (await fg([options.patterns].flat(), { cwd, onlyFiles: true })).sort();
  const registry = createSlugRegistry(Object.values(previous.posts));
  const concurrency = Math.max(1, options.concurrency ?? 16);
  for (let at = 0; at < files.length; at += concurrency) {
    // Reads run at once; slugs are handed out in path order, so a build is repeatable.
    const prepared = await Promise.all(files.slice(at, at + concurrency).map((file) => prepare(run, file, trust)));
    const writes = prepared.map((item) => commit(run, item, registry));
    await Promise.all(writes.map((write) => write?.()));
    options.onProgress?.(Math.min(at + concurrency, files.length), files.length);
  }
  const current = new Set(files);
  for (const entry of Object.values(previous.posts)) {
    if (current.has(entry.file)) continue;
    await addPurge(run, await readPreviousPost(outDir, entry), undefined, [postUrl(entry.slug)]);
    await removeOutputs(run, entry);
    registry.release(entry.file);
    summary.removed++;
  }
  await writeListings(run);
  summary.purge = { keys: [...run.purgeKeys].sort(), urls: [...run.purgeUrls].sort() };
  // The plan of the run that changed something, for a deploy step to send to the CDN; a run that
  // changed nothing leaves no plan behind, so a stale one is never purged twice.
  const planFile = path.join(outDir, PURGE_PLAN_FILE);
  if (summary.purge.urls.length > 0 || summary.purge.keys.length > 0) writeFileAtomic(planFile, `${JSON.stringify(summary.purge, null, 1)}\n`);
  else await rm(planFile, { force: true });
  if (summary.written.length > 0 || summary.removed > 0 || JSON.stringify(run.next) !== JSON.stringify(previous)) await writeManifest(outDir, run.next);
  summary.ms = performance.now() - start;
  return summary;
}
