import { realpathSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import type { CacheRulesEngine, CompiledRulesJson, TargetName } from '@alphanode/cache-rules';
import { compileRulesToJson } from '@alphanode/cache-rules/compile';
import { readFailureDiagnostic } from '@alphanode/parser/node';
import { checkBaseUrl } from '../feeds/absolute-url.ts';
import { pageSizeProblem } from '../listings/paginate.ts';
import { exactPurgePlan, type PageRecord } from '../purge/exact-plan.ts';
import { assignSlugs, type SlugAssignment, type SlugClaim } from '../routes/assign-slugs.ts';
import { outputFileFor, siteRoutesFor, type SiteRoutes } from '../routes/site-routes.ts';
import { slugify } from '../routes/slugify.ts';
import { assignTopicSlugs } from '../routes/topic-slugs.ts';
import { removeTempFiles } from './atomic-write.ts';
import { BuildError } from './build-error.ts';
import { acquireBuildLock } from './build-lock.ts';
import { siteWarning, type BuildSummary } from './build-summary.ts';
import { contentHash } from './content-hash.ts';
import { headersFileHasCaps, renderHeadersFile, samePageKeys } from './headers-file.ts';
import { appendJournal, clearJournal, readJournal, type Journal } from './journal.ts';
import { emptyManifest, type Manifest, type ManifestPost, type OutputRecord } from '../manifest/manifest.ts';
import { manifestRecords } from '../manifest/manifest-records.ts';
import { manifestMoved, readManifest, rememberManifest, writeManifest, type StoredManifest } from './manifest-store.ts';
import { fileWriter, type WriteMode } from './file-writer.ts';
import { runPageJob, type PageContext, type PageJob, type PageJobResult } from './page-job.ts';
import { DEFAULT_PAGE_SETTINGS, type PageSettings } from './page-settings.ts';
import { representationOf } from './render-post-file.ts';
import { listSources } from './source-list.ts';
import { keySharer } from './shared-keys.ts';
import { quickState, readHead, type QuickState, type SourceStamp, type SourceStatResult } from './source-file.ts';
import { movedTitleKeys, titleIndex } from './similar-links.ts';
import { matchesStamp, writeStamp } from './sources-stamp.ts';
import { prepareStaging, servesNothing, swapIn } from './staging.ts';
import { linkedStylesheets } from './theme-asset.ts';
import { titleOf } from './title-of.ts';
import { createWorkerPool, type WorkerPool } from './worker-pool.ts';
import { writeListings } from './write-listings.ts';

/** Where a run that changed something writes its purge plan, in the out dir. */
export const PURGE_PLAN_FILE = 'purge-plan.json';
const HEADERS_FILE = '_headers';

// Posts between two progress reports on the main thread.
const PROGRESS_EVERY = 64;
// Fewer changed posts than this are built on the main thread: starting workers costs more.
const WORKER_THRESHOLD = 64;

/**
 * Configures `buildSite`: the post files, where the site goes, the cache rules and the host its `_headers` file is for,
 * page settings, worker threads, and progress reports.
 */
export interface BuildOptions {
  /** Globs of post files, relative to `cwd`. */
  patterns: string | readonly string[];
  cwd?: string;
  /** Where the site goes (relative to `cwd`). */
  outDir: string;
  /** Cache rules (YAML text or object) for the routes, the `_headers` file and the purge keys. */
  rules?: string | object;
  /** The host the `_headers` file is for (default netlify). */
  target?: TargetName;
  settings?: Partial<PageSettings>;
  strict?: boolean;
  /** Worker threads for parsing and rendering; default one per core, 0 for none. */
  workers?: number;
  /** Changed posts below which the build stays on the main thread (starting workers costs more); default 64. */
  workerThreshold?: number;
  /**
   * Also lint each post it builds (`lintPost`), reporting the findings with the parse's, and keep
   * the parse's `info` findings (`ambiguous-line`). Off by default: the build needs only the parse's
   * errors and warnings, and `alphanode check` lints a whole corpus.
   */
  lint?: boolean;
  /**
   * The sources (absolute, or relative to `cwd`) that changed since this process last built
   * `outDir` with the same `patterns`, added and removed ones too, as a file watcher reports them:
   * the build then looks only at those instead of listing and statting every source. A folder
   * among them (or one gone that held sources), or no such earlier build, lists everything as
   * usual. Pass it only from a watcher that sees every change (`alphanode dev`); a missed path is
   * a change the build does not see, and so is an edit to the target of a source that is a
   * symbolic link, which a watcher reports under the target's name.
   */
  changedFiles?: readonly string[];
  /**
   * This process will build `outDir` again (`alphanode dev`, a server rebuilding on a webhook): a
   * run that finds nothing changed still keeps what the next run reuses, the decoded manifest and
   * each listing page's source, so that the first save after start costs what later ones do (at
   * 10,000 posts about 200 ms of a 450 ms first rebuild). Off by default: it costs that much once.
   */
  warm?: boolean;
  /** Called as changed posts are rendered, with how many of them are done and how many there are. */
  onProgress?: (done: number, total: number) => void;
}

/** One source file after the scan: what its stat said, and for a file to read, its title. */
interface Scanned {
  file: string;
  quick: QuickState;
  /** The title line of a stale file, for its slug. */
  title?: string;
}

interface CompiledRules {
  engine: CacheRulesEngine;
  json: CompiledRulesJson;
}

/**
 * The rules text compiled last: a process that builds again (`alphanode dev`, on each save) passes
 * the same text, and compiling it took ~7 ms of a 150 ms rebuild. Text only: an object may have
 * been changed in place since.
 */
let lastCompiled: { rules: string; compiled: CompiledRules } | undefined;

/** The rules' engine, and the same rules compiled to JSON, which workers load without YAML or zod. */
function compile(rules: string | object | undefined): CompiledRules | undefined {
  if (rules === undefined) return undefined;
  if (typeof rules === 'string' && lastCompiled?.rules === rules) return lastCompiled.compiled;
  const result = compileRulesToJson(rules as string);
  if (!result.ok) throw new BuildError('invalid-rules', `the cache rules do not compile:\n${result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n')}`, false);
  const compiled = { engine: result.engine, json: result.json };
  if (typeof rules === 'string') lastCompiled = { rules, compiled };
  return compiled;
}

function routesOf(engine: CacheRulesEngine | undefined): SiteRoutes {
  let routes: SiteRoutes;
  try {
    routes = siteRoutesFor(engine);
  } catch (error) {
    throw new BuildError('invalid-rules', `the rules' post.path: ${(error as Error).message}`, false);
  }
  for (const pattern of routes.postPatterns.slice(1)) {
    if (representationOf(pattern) !== 'json') throw new BuildError('invalid-rules', `the rules' post.path "${pattern}": the build makes a post's page (the first path) and its JSON (a path ending in .json), nothing else`, false);
  }
  return routes;
}

/**
 * Builds a site from post files, incrementally: a file whose content hash (and the settings) did
 * not change is not read again, nothing unchanged is written, a removed post's pages go, and the
 * summary carries the exact purge plan: the URLs whose bytes changed, appeared or vanished.
 *
 * The run goes in phases, so no write can race another: every post's slug is decided first, from
 * all titles at once (`assignSlugs`: independent of file order and threads); then the changed posts
 * are rendered (on worker threads, a batch at a time) and written, each file atomically; then the
 * listings and `_headers`; only then is anything this run no longer serves removed; the manifest
 * goes last. A journal written before the first write lets the run after a kill rebuild and purge
 * all the killed run touched. One build at a time writes an out dir: a second one started
 * meanwhile throws a retryable `BuildError` ('build-running'); rules that do not compile or name
 * paths the build cannot make throw one too ('invalid-rules'), as do a bad base URL or page size.
 * Listings are paginated (`settings.pageSize`) and every page is an output: a post that shifts
 * the pages puts exactly the pages whose bytes changed into the plan, and a page no longer made
 * (page 3 when two remain) is removed and planned.
 *
 * @example
 * const summary = await buildSite({ patterns: 'content/**\/*.txt', outDir: 'dist' });
 * console.log(summary.built, summary.unchanged, summary.purge.urls);
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const start = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, options.outDir);
  const compiled = compile(options.rules);
  const engine = compiled?.engine;
  const routes = routesOf(engine);
  const baseUrlProblem = options.settings?.baseUrl === undefined ? undefined : checkBaseUrl(options.settings.baseUrl);
  if (baseUrlProblem !== undefined) throw new BuildError('invalid-base-url', `the base URL: ${baseUrlProblem}`, false);
  const pageSize = options.settings?.pageSize;
  const badPageSize = pageSize === undefined ? undefined : pageSizeProblem(pageSize);
  if (badPageSize !== undefined) throw new BuildError('invalid-page-size', `settings.pageSize: ${badPageSize}`, false);
  const release = acquireBuildLock(outDir);
  try {
    return await build(options, { cwd, outDir, engine, compiledRules: compiled?.json, routes }, start);
  } finally {
    release();
  }
}

interface Where {
  cwd: string;
  outDir: string;
  engine: CacheRulesEngine | undefined;
  compiledRules: CompiledRulesJson | undefined;
  routes: SiteRoutes;
}

/**
 * Every source's state from its stat, and the title line of each that may have changed; the full
 * texts are read later, on the thread that renders them.
 */
function scan(files: readonly string[], stats: readonly SourceStatResult[], where: Where, previous: Manifest, trusted: boolean, journal: Journal): Scanned[] {
  return files.map((file, i) => {
    const before = trusted && !journal.files.has(file) ? previous.posts[file] : undefined;
    const quick = quickState(stats[i] as SourceStatResult, before);
    if (quick.kind !== 'stale') return { file, quick };
    try {
      return { file, quick, title: titleOf(readHead(path.resolve(where.cwd, file))) };
    } catch (error) {
      return { file, quick: { kind: 'unreadable', error } };
    }
  });
}

/**
 * Every current post's claim on a slug: a stale post by its title now. A post that did not change
 * (or could not be read) claims the slug it has, which it keeps: that spares slugifying every title
 * of a large site on a one-post rebuild, and a new post that slugifies the same gets a suffix.
 */
function claimsOf(scanned: readonly Scanned[], previous: Manifest): SlugClaim[] {
  const claims: SlugClaim[] = [];
  for (const { file, quick, title } of scanned) {
    if (quick.kind === 'stale') claims.push({ id: file, base: slugify(title ?? '') });
    else {
      const entry = quick.kind === 'unchanged' ? quick.entry : previous.posts[file];
      if (entry) claims.push({ id: file, base: entry.slug });
    }
  }
  return claims;
}

/** URL → record of the given posts' outputs and the listings. */
function recordsOf(posts: Iterable<ManifestPost | undefined>, listings: readonly OutputRecord[]): Map<string, PageRecord> {
  const records = new Map<string, PageRecord>();
  for (const entry of posts) for (const output of entry?.outputs ?? []) records.set(output.url, output);
  for (const output of listings) records.set(output.url, output);
  return records;
}

/**
 * Out dirs whose listing sources this process has made (`writeListings` remembers them): `warm`
 * makes them once per out dir, not after each run that made no listing (after a body edit the
 * remembered sources still fit all but a page or two). Speed only: a remembered source is reused
 * only for the same entries, so one made for another out dir or an older manifest costs a
 * recompute, never a wrong page.
 */
const listingsMade = new Set<string>();

/**
 * What `warm` keeps after a run that changed nothing: the manifest decoded, and, once per out dir,
 * each listing page's source made as a rebuild makes it (every page is found as it was, so none is
 * rendered or written), with each page's `_headers` block. Made again after each run, they cost
 * ~20 ms of every save at 10,000 posts; a run that finds a few pages' posts changed since makes
 * only those pages' sources again.
 */
function warmUp(outDir: string, stored: StoredManifest | undefined, { settings, engine, routes, target }: { settings: PageSettings; engine: CacheRulesEngine | undefined; routes: SiteRoutes; target: TargetName }): void {
  const manifest = rememberManifest(outDir, stored)?.manifest;
  if (manifest === undefined || listingsMade.has(outDir)) return;
  const posts = Object.values(manifest.posts);
  const topics = assignTopicSlugs(posts.map((entry) => entry.topic), new Map(Object.entries(manifest.topics)));
  const ignore = () => undefined;
  writeListings({ write: ignore, beforeWrites: ignore, settings, engine, routes, previous: manifest.listings, topics, force: false, reuse: true, posts });
  if (engine) renderHeadersFile(engine, target, manifestRecords(manifest));
  listingsMade.add(outDir);
}

/**
 * Removes a file the site no longer serves, and each folder that leaves empty up to the out dir
 * (`posts/<slug>/`, or `topics/<slug>/page/3/` then `page/` when a topic's last pages go).
 */
function removeOutput(outDir: string, file: string): void {
  const absolute = path.join(outDir, file);
  rmSync(absolute, { force: true });
  for (let dir = path.dirname(absolute); dir !== outDir && dir.startsWith(outDir); dir = path.dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      // Not empty (another output lives there) or already gone.
      return;
    }
  }
}

/**
 * Whether this run may build into a staging folder and swap it in: the out dir serves nothing yet,
 * and renaming over it works (it is not a mount point, where a rename would cross devices).
 */
function stagedRun(outDir: string): boolean {
  return servesNothing(outDir) && statSync(outDir).dev === statSync(path.dirname(outDir)).dev;
}

/** The build's worker threads, once started; whatever happens, closed when the build ends. */
interface Workers {
  pool?: WorkerPool;
}

async function build(options: BuildOptions, where: Where, start: number): Promise<BuildSummary> {
  const workers: Workers = {};
  try {
    return await buildWith(options, where, start, workers);
  } finally {
    await workers.pool?.close();
  }
}

async function buildWith(options: BuildOptions, where: Where, start: number, workers: Workers): Promise<BuildSummary> {
  const { engine, routes } = where;
  // The real folder: a symlinked out dir is swapped where it points, the link kept.
  const outDir = realpathSync(where.outDir);
  const settings: PageSettings = { ...DEFAULT_PAGE_SETTINGS, ...options.settings };
  const strict = options.strict === true;
  const lint = options.lint === true;
  const target = options.target ?? 'netlify';
  // `outputs`: a manifest from before posts carried their date and summary (2), or their Similar
  // Posts links (3), rebuilds once to learn them.
  // The page size shapes only the listings, so it is kept out of the hash that rebuilds every post.
  const { pageSize, ...postSettings } = settings;
  // Every page links the theme by its fingerprinted name, so a new theme (a renderer upgrade) rebuilds every page.
  const settingsHash = contentHash(JSON.stringify({ settings: postSettings, stylesheets: linkedStylesheets(settings), rules: options.rules ?? null, target, strict, lint, outputs: 4 }));
  removeTempFiles(outDir);
  const staged = stagedRun(outDir);
  // A staged run writes into a folder no one reads, so plainly; a run over a served site, atomically.
  const dir = staged ? prepareStaging(outDir) : outDir;
  const mode: WriteMode = staged ? 'direct' : 'atomic';
  const write = fileWriter(dir, mode);
  const context: PageContext = { write, settingsHash, settings, engine, routes, strict, lint, titles: new Map(), topicSlugs: new Map() };
  const summary: BuildSummary = { built: 0, unchanged: 0, skipped: 0, removed: 0, written: [], diagnostics: [], purge: { keys: [], urls: [], urlsWithoutKey: [] }, moved: [], ms: 0 };
  const { files, stats } = listSources([options.patterns].flat(), where.cwd, outDir, options.changedFiles);
  const journal = readJournal(outDir);
  const untouched = !staged && journal.files.size + journal.urls.size === 0 && !journal.listings;
  if (untouched && matchesStamp(outDir, files, stats, settingsHash, pageSize)) {
    // Nothing changed since the last run, which finished: no plan to leave behind.
    rmSync(path.join(outDir, PURGE_PLAN_FILE), { force: true });
    if (options.warm === true) warmUp(outDir, undefined, { settings, engine, routes, target });
    return { ...summary, unchanged: files.length, ms: performance.now() - start };
  }
  const stored = readManifest(outDir);
  // Other settings: every post is built again, but the old outputs are still known, to remove and purge.
  const trusted = stored?.manifest.settings === settingsHash;
  const previous = stored?.manifest ?? emptyManifest(settingsHash);
  const previousTopics = new Map(Object.entries(previous.topics));
  context.topicSlugs = previousTopics;
  // A staged run changes nothing a reader sees until its swap, so a kill leaves nothing to repair.
  const record = (entry: Parameters<typeof appendJournal>[1]) => {
    if (!staged) appendJournal(outDir, entry);
  };
  const next: Manifest = { ...emptyManifest(settingsHash), pageSize };
  // Listings made at another page size (or before pages) are made again, though no post changed.
  const pagesMoved = previous.pageSize !== pageSize;

  const wantsWorkers = (posts: number) => posts >= (options.workerThreshold ?? WORKER_THRESHOLD) && options.workers !== 0;
  const startPool = () => createWorkerPool({ dir, mode, settingsHash, settings, rules: where.compiledRules, strict, lint }, options.workers);
  // A run that builds every post starts its workers first: their start-up overlaps the scan.
  if ((staged || !trusted) && wantsWorkers(files.length)) workers.pool = startPool();

  // Phase 1: every source's state, and every post's slug, before anything is written.
  const current = new Set(files);
  const scanned = scan(files, stats, where, previous, trusted, journal);
  const previousSlugs = new Map<string, string>();
  for (const file of files) {
    const slug = previous.posts[file]?.slug;
    if (slug !== undefined) previousSlugs.set(file, slug);
  }
  const { slugs, collisions } = assignSlugs(claimsOf(scanned, previous), previousSlugs);
  for (const collision of collisions) {
    collision.ids.slice(1).forEach((file, i) => {
      summary.diagnostics.push(siteWarning('duplicate-slug', file, `the title gives the slug "${collision.base}", as ${collision.ids[0]}'s does; this post is served at ${routes.postUrl(collision.slugs[i + 1] as string)}`));
    });
  }
  const owners = new Map([...slugs].map(([file, slug]) => [slug, file]));
  const removed = Object.values(previous.posts).filter((entry) => !current.has(entry.file));
  // Every post's title as the run starts: a stale post's from its title line, before it is parsed.
  context.titles = titleIndex(scanned.flatMap(({ file, quick, title }): [string, string][] => {
    const slug = slugs.get(file);
    const named = quick.kind === 'stale' ? title : previous.posts[file]?.title;
    return slug === undefined || named === undefined ? [] : [[named, slug]];
  }));
  // Whether a title can name another post (or none) after this run: a post came, went, or
  // changed its title or slug. Most runs move none, and then no page is looked at for its links.
  const titlesMoved = removed.length > 0 || scanned.some(({ file, quick, title }) => {
    const entry = previous.posts[file];
    return entry === undefined || slugs.get(file) !== entry.slug || (quick.kind === 'stale' && title !== entry.title);
  });

  // Stale by their stat: read in full below, where a hash equal to the manifest's spares the render.
  const changed = scanned.filter((item) => item.quick.kind === 'stale');
  let changedSomething = changed.length > 0 || removed.length > 0 || !trusted || pagesMoved || journal.files.size + journal.urls.size > 0 || journal.listings;
  /** Journals the posts about to be written (and the removed ones, whose pages go), before any write. */
  const recordPosts = (files: readonly string[], gone: readonly ManifestPost[]) => {
    if (files.length === 0 && gone.length === 0) return;
    const urls = new Set<string>();
    for (const file of files) {
      for (const output of previous.posts[file]?.outputs ?? []) urls.add(output.url);
      for (const url of routes.postUrls(slugs.get(file) as string)) urls.add(url);
    }
    for (const entry of gone) for (const output of entry.outputs) urls.add(output.url);
    // A removed post's file too: if it comes back (a rolled-back import), its pages are made again.
    record({ files: [...files, ...gone.map((entry) => entry.file)], urls: [...urls] });
  };
  recordPosts(changed.map((item) => item.file), removed);

  // Phase 2: the changed posts, read, rendered and written (on worker threads when there are
  // enough of them); nothing is removed yet.
  const jobOf = (file: string, before: ManifestPost | undefined): PageJob => {
    const job: PageJob = { file, path: path.resolve(where.cwd, file), slug: slugs.get(file) as string };
    if (before) job.previous = { hash: before.hash, size: before.size, mtimeMs: before.mtimeMs };
    return job;
  };
  const render = async (jobs: readonly PageJob[], progress?: (done: number) => void): Promise<PageJobResult[]> => {
    if (wantsWorkers(jobs.length)) {
      workers.pool ??= startPool();
      return workers.pool.run(jobs, { titles: context.titles, topicSlugs: context.topicSlugs }, progress);
    }
    return jobs.map((job, i) => {
      const result = runPageJob(job, context);
      if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === jobs.length) progress?.(i + 1);
      return result;
    });
  };
  const results = new Map<string, PageJobResult>();
  const jobs = changed.map(({ file }) => jobOf(file, trusted && !journal.files.has(file) ? previous.posts[file] : undefined));
  for (const result of await render(jobs, (done) => options.onProgress?.(done, changed.length))) results.set(result.file, result);
  // Not needed past the render: at 100,000 posts, tens of MB held through the rest of the run.
  jobs.length = 0;

  let listingsMoved = removed.length > 0 || !trusted || pagesMoved || journal.listings || previous.listings.length === 0;
  const built = new Set<string>();
  /** The topic slug each post built this run was keyed with. */
  const keyedTopics = new Map<string, string>();
  const shareKeys = keySharer();
  /** Records a post this run built: its manifest entry, its files, and whether what the listings show of it moved. */
  const recordBuilt = (file: string, page: NonNullable<PageJobResult['page']>, stamp: SourceStamp) => {
    const before = previous.posts[file];
    const slug = slugs.get(file) as string;
    if (before?.slug !== slug || before.title !== page.title || before.topic !== page.topic || before.date !== page.date || before.summary !== page.summary) listingsMoved = true;
    shareKeys(page.outputs);
    keyedTopics.set(file, page.topicSlug);
    const entry: ManifestPost = { file, hash: stamp.hash, size: stamp.size, mtimeMs: stamp.mtimeMs, slug, title: page.title, topic: page.topic, date: page.date, summary: page.summary, outputs: page.outputs };
    if (page.similar.length > 0) entry.similar = page.similar;
    next.posts[file] = entry;
    if (!built.has(file)) summary.written.push(...page.outputs.map((output) => output.file));
    built.add(file);
  };
  for (const { file, quick } of scanned) {
    const before = previous.posts[file];
    if (quick.kind === 'unchanged') {
      next.posts[file] = quick.entry;
      continue;
    }
    const result = results.get(file);
    // Each result is read once: its wrapper goes as the manifest entry takes what it keeps.
    results.delete(file);
    if (quick.kind === 'unreadable') summary.diagnostics.push(readFailureDiagnostic(file, quick.error));
    if (result) {
      // A worker's copy of the path in each diagnostic: this thread's string is kept instead.
      for (const diagnostic of result.diagnostics) if (diagnostic.file === file) diagnostic.file = file;
      summary.diagnostics.push(...result.diagnostics);
    }
    if (result?.source.kind === 'unchanged' && before) {
      // A fresh clone: same content, new mtime, recorded so the next run can skip the read.
      const { size, mtimeMs } = result.source.stamp;
      next.posts[file] = size === before.size && mtimeMs === before.mtimeMs ? before : { ...before, size, mtimeMs };
      if (next.posts[file] !== before) changedSomething = true;
      continue;
    }
    if (result?.source.kind !== 'read' || !result.page) {
      summary.skipped++;
      // The previous page stays up (a bad import must not take a good page down), unless another
      // post took its slug this run.
      const owner = before && owners.get(before.slug);
      if (before && (owner === undefined || owner === file)) next.posts[file] = before;
      else if (before) {
        listingsMoved = true;
        summary.diagnostics.push(siteWarning('page-replaced', file, `this post did not build, and ${owner} now has its URL ${routes.postUrl(before.slug)}; fix it to bring it back`));
      }
      continue;
    }
    recordBuilt(file, result.page, result.source.stamp);
  }

  // Similar Posts links, made right: a title links to a post that has a page after this run. The
  // pages built above used the titles as the run began (a post that then failed to parse was in
  // them); pages from earlier runs used the titles those runs ended with. Each page whose links
  // would differ is built again, once: this pass leaves every post with a page as it was.
  if (titlesMoved) {
    const final = titleIndex(files.flatMap((file): [string, string][] => {
      const entry = next.posts[file];
      return entry === undefined ? [] : [[entry.title, entry.slug]];
    }));
    const sinceStart = movedTitleKeys(context.titles, final);
    const sincePrevious = trusted ? movedTitleKeys(titleIndex(files.concat(removed.map((entry) => entry.file)).sort().flatMap((file): [string, string][] => {
      const entry = previous.posts[file];
      return entry === undefined ? [] : [[entry.title, entry.slug]];
    })), final) : new Set<string>();
    const relink = files.filter((file) => {
      const entry = next.posts[file];
      const moved = built.has(file) ? sinceStart : sincePrevious;
      return entry?.similar?.some((key) => moved.has(key)) === true;
    });
    context.titles = final;
    recordPosts(relink, []);
    for (const result of await render(relink.map((file) => jobOf(file, undefined)))) {
      // Unreadable or broken since the first pass (edited meanwhile): the entry it has stays.
      if (result.source.kind === 'read' && result.page) recordBuilt(result.file, result.page, result.source.stamp);
    }
  }
  // Topics' slugs, final: a post keyed with another slug for its topic (one that lost a collision
  // this run) is built again, so that its topic key is the one its topic page carries. Assigned
  // again after each such pass, from the entries it left: a post edited meanwhile may have moved
  // to yet another topic. The listings take the last assignment, which names every topic.
  let topics: SlugAssignment | undefined;
  for (let pass = 0; listingsMoved; pass++) {
    const assigned = assignTopicSlugs(Object.values(next.posts).map((entry) => entry.topic), previousTopics);
    topics = assigned;
    const rekey = [...keyedTopics].filter(([file, slug]) => assigned.slugs.get((next.posts[file] as ManifestPost).topic) !== slug).map(([file]) => file);
    // Edits that keep moving posts between colliding topics while the build runs: their keys are
    // made right by the run that sees them, as any post edited during a run is.
    if (rekey.length === 0 || pass === 3) break;
    context.topicSlugs = assigned.slugs;
    recordPosts(rekey, []);
    for (const result of await render(rekey.map((file) => jobOf(file, undefined)))) {
      if (result.source.kind === 'read' && result.page) recordBuilt(result.file, result.page, result.source.stamp);
      // Broken since the first pass: its entry keeps the first pass's keys; the next run reads it again.
      else keyedTopics.delete(result.file);
    }
  }
  keyedTopics.clear();
  // Closed before the listings: the workers' heaps are not needed past the posts.
  await workers.pool?.close();
  delete workers.pool;
  summary.built = built.size;
  summary.unchanged = files.length - built.size - summary.skipped;
  summary.removed = removed.length;

  // Phase 3: listings and _headers, from the whole next manifest.
  if (topics) {
    record({ listings: true });
    const written = writeListings({ write, beforeWrites: (urls) => record({ urls }), settings, engine, routes, previous: previous.listings, topics, force: journal.listings, reuse: trusted && !pagesMoved && !journal.listings, posts: Object.values(next.posts) });
    listingsMade.add(outDir);
    next.listings = written.records;
    next.topics = written.topics;
    summary.written.push(...written.files);
    if (settings.baseUrl === undefined) summary.diagnostics.push(siteWarning('no-base-url', undefined, 'no base URL (--base-url): sitemap.xml, the Atom feeds and robots.txt need absolute URLs, so they were left out'));
    for (const collision of written.collisions) {
      summary.diagnostics.push(siteWarning('topic-slug-collision', undefined, `the topics ${collision.ids.map((name) => JSON.stringify(name)).join(', ')} all slugify to "${collision.base}"; they are served at ${collision.slugs.map((slug) => routes.topicUrl(slug)).join(', ')}`));
    }
  } else {
    next.listings = previous.listings;
    next.topics = previous.topics;
  }
  // Posts whose entry is not the same object in both manifests: built, skipped, removed or journaled.
  const touched = new Set<string>();
  if (changedSomething) {
    for (const file of Object.keys(previous.posts)) if (next.posts[file] !== previous.posts[file]) touched.add(file);
    for (const file of Object.keys(next.posts)) if (next.posts[file] !== previous.posts[file]) touched.add(file);
  }
  if (engine && changedSomething) {
    // What the rules alone write, part of the recorded hash: a new version of this package may
    // write their blocks otherwise, and must not keep the old ones.
    const rulesHash = contentHash(renderHeadersFile(engine, target).text);
    const afterKill = journal.files.size + journal.urls.size > 0 || journal.listings;
    // `_headers` holds each page's URL and keys: a run that moved neither (an edit of a post's
    // body) keeps it, where rendering, hashing and writing its 5 MB again took ~100 ms a save of
    // `alphanode dev` at 10,000 posts. Not for a host with caps, past which every run warns.
    const kept =
      trusted &&
      !afterKill &&
      !headersFileHasCaps(target) &&
      previous.headers?.startsWith(`${rulesHash}.`) === true &&
      samePageKeys(previous.listings, next.listings) &&
      [...touched].every((file) => samePageKeys(previous.posts[file]?.outputs, next.posts[file]?.outputs));
    if (kept) next.headers = previous.headers as string;
    else {
      const headers = renderHeadersFile(engine, target, manifestRecords(next));
      if (headers.warning) summary.diagnostics.push(siteWarning('headers-cap', HEADERS_FILE, headers.warning));
      next.headers = `${rulesHash}.${contentHash(headers.text)}`;
      // After a killed run, whatever it left on disk is replaced.
      if (next.headers !== previous.headers || afterKill) {
        write(HEADERS_FILE, headers.text);
        summary.written.push(HEADERS_FILE);
      }
    }
  } else if (previous.headers !== undefined) next.headers = previous.headers;

  // Phase 4: only now, what this run no longer serves goes; nothing it wrote is touched. Only
  // touched posts (built, skipped, removed, journaled) can have stale outputs: an untouched post's
  // entry is the same object in both manifests, and its slug was never free for another post.
  if (changedSomething) {
    // A stale file is most often claimed again by a touched post or a listing (an edited post keeps
    // its URLs); only one that is not is looked for among every output, listed then, once.
    const claimed = new Set<string>();
    for (const file of touched) for (const output of next.posts[file]?.outputs ?? []) claimed.add(output.file);
    for (const output of next.listings) claimed.add(output.file);
    // A post's files lie under its slug, so a stale post URL is claimed only by the post that now
    // has that slug: looked up by slug (a retitle frees one), not among all 20,000 outputs.
    let bySlug: Map<string, ManifestPost> | undefined;
    let everyOutput: Set<string> | undefined;
    const isClaimed = (file: string, url: string) => {
      if (claimed.has(file)) return true;
      const route = routes.match(url);
      if (route?.kind === 'post') {
        bySlug ??= new Map(Object.values(next.posts).map((entry) => [entry.slug, entry]));
        return bySlug.get(route.slug)?.outputs.some((output) => output.file === file) === true;
      }
      return (everyOutput ??= new Set(Object.values(next.posts).flatMap((entry) => entry.outputs.map((output) => output.file)))).has(file);
    };
    for (const file of touched) {
      const [before, after] = [previous.posts[file], next.posts[file]];
      // A new title moves a post's outputs, and so do new rules (another post.path).
      if (before === undefined || after === undefined) continue;
      // The same routes make a post's outputs in the same order: page, then JSON.
      before.outputs.forEach((output, i) => {
        const to = after.outputs[i]?.url;
        if (to !== undefined && to !== output.url) summary.moved.push({ from: output.url, to });
      });
    }
    const stale = new Map<string, string>();
    for (const file of touched) for (const output of previous.posts[file]?.outputs ?? []) stale.set(output.file, output.url);
    for (const output of previous.listings) stale.set(output.file, output.url);
    // A killed run may have written pages no manifest names yet.
    for (const url of journal.urls) stale.set(outputFileFor(url), url);
    for (const [file, url] of stale) if (!isClaimed(file, url)) removeOutput(outDir, file);

    const before = recordsOf([...touched].map((file) => previous.posts[file]), previous.listings);
    const after = recordsOf([...touched].map((file) => next.posts[file]), next.listings);
    summary.purge = exactPurgePlan(before, after, {
      forced: journal.urls,
      unchanged: function* () {
        for (const [file, entry] of Object.entries(next.posts)) if (!touched.has(file)) yield* entry.outputs;
      },
    });
  }
  // The plan of the run that changed something, for a deploy step to send to the CDN; a run that
  // changed nothing leaves no plan behind, so a stale one is never purged twice.
  if (summary.purge.urls.length > 0 || summary.purge.keys.length > 0) write(PURGE_PLAN_FILE, `${JSON.stringify(summary.purge, null, 1)}\n`);
  else rmSync(path.join(dir, PURGE_PLAN_FILE), { force: true });
  if (changedSomething) writeManifest(dir, next, staged ? undefined : stored);
  writeStamp(dir, files, next, pageSize);
  // A run that wrote no manifest or made no listing leaves them for `warm` to keep; a staged run
  // wrote both.
  if (options.warm === true && !staged && (!changedSomething || topics === undefined)) warmUp(outDir, changedSomething ? undefined : stored, { settings, engine, routes, target });
  if (staged) {
    swapIn(dir, outDir);
    manifestMoved(dir, outDir);
  }
  clearJournal(outDir);
  // Left empty by a run that finished; gone, so that it is not deployed with the site.
  removeTempFiles(outDir);
  summary.ms = performance.now() - start;
  return summary;
}
