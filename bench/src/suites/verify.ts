import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { TargetName } from '@alphanode/cache-rules';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { sampleUrls, verifySite, type VerifyOptions, type VerifyReport } from '@alphanode/cache-rules/verify';
import { buildSite, manifestRecords, readSiteManifest } from '@alphanode/site/node';
import { cpuMs, startChildServer, stopChildServer } from '../child-server.ts';
import { benchCorpus } from '../corpus.ts';
import type { Suite } from '../suite.ts';
import { median } from '../measure.ts';

const siteChild = fileURLToPath(new URL('../site-child.ts', import.meta.url));
const rulesFile = fileURLToPath(new URL('../../../examples/rules.yaml', import.meta.url));
const TARGET: TargetName = 'varnish';
/** The issue's figure: verify over this many URLs of a site. */
const URLS = 500;
/** Posts of the bench corpus built: two URLs each (page and JSON) and the listings they make, over 500 in all. */
const POSTS = 200;
/** Counted runs; the machine is noisy, so their median and range are reported. */
const RUNS = 3;
/** verifySite's own default, stated so the report says what it ran with. */
const CONCURRENCY = 8;
/** Requests verifySite makes per sampled URL (verify-site.ts: two anonymous, four per visitor). */
const PER_URL = 10;

/** The site server in its own process. */
const startSite = (outDir: string) => startChildServer(siteChild, [outDir], { TARGET });

/** The first POSTS posts of the bench corpus built into `root` with the example rules for varnish; the site's URLs, from its manifest. */
async function buildCorpusSite(root: string): Promise<{ outDir: string; posts: number; listings: number; urls: string[] }> {
  mkdirSync(path.join(root, 'content'));
  benchCorpus()
    .posts.slice(0, POSTS)
    .forEach(({ text }, i) => writeFileSync(path.join(root, 'content', `post-${String(i).padStart(4, '0')}.txt`), text));
  const outDir = path.join(root, 'site');
  await buildSite({ patterns: 'content/*.txt', cwd: root, outDir, rules: readFileSync(rulesFile, 'utf8'), target: TARGET, settings: { siteName: 'alphanode bench' } });
  const manifest = readSiteManifest(outDir);
  if (manifest === undefined) throw new Error(`the build wrote no manifest in ${outDir}`);
  const urls = manifestRecords(manifest).map((output) => output.url);
  const listings = manifest.listings.length;
  const posts = urls.length - listings;
  if (urls.length < URLS) throw new Error(`${POSTS} posts made ${urls.length} URLs, fewer than ${URLS}: raise POSTS`);
  return { outDir, posts, listings, urls };
}

/** One verify run's figures, and the server's CPU over the same wall time just before it, idle. */
interface Run {
  wallMs: number;
  requests: number;
  /** Server CPU ms during the run, undefined where /proc is missing. */
  serverMs: number | undefined;
  idleMs: number | undefined;
  /** This process's CPU ms during the run: verify's own work, and fetch's. */
  clientMs: number;
  report: VerifyReport;
}

const delta = (before: number | undefined, after: number | undefined) => (before === undefined || after === undefined ? undefined : after - before);

/** verify over `pages` against the server at `port`, timed, with the server's CPU read before and after. */
async function verifyRun(port: number, server: ChildProcess, options: Pick<VerifyOptions, 'engine' | 'pages' | 'maxPages' | 'maxRequests'>, idleFor: number): Promise<Run> {
  const idleBefore = cpuMs(server.pid);
  await sleep(idleFor);
  const idleMs = delta(idleBefore, cpuMs(server.pid));
  const before = cpuMs(server.pid);
  const client = process.cpuUsage();
  const start = performance.now();
  const report = await verifySite({ base: `http://127.0.0.1:${port}/`, target: TARGET, concurrency: CONCURRENCY, ...options });
  const wallMs = performance.now() - start;
  const clientUsage = process.cpuUsage(client);
  return { wallMs, requests: report.requests, serverMs: delta(before, cpuMs(server.pid)), idleMs, clientMs: (clientUsage.user + clientUsage.system) / 1000, report };
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');
/** Median and range of a figure over the runs, each formatted by `format`. */
function spread(values: (number | undefined)[], format: (value: number) => string): string {
  const known = values.filter((value): value is number => value !== undefined);
  if (known.length === 0) return 'n/a (no /proc)';
  return `${format(median(known))} (${format(Math.min(...known))} to ${format(Math.max(...known))})`;
}

/** What the report found, so that a run that measured errors rather than pages shows it. */
function findings(report: VerifyReport): string {
  const codes = [...new Set(report.notices.map((notice) => notice.code))];
  const fails = report.notices.filter((notice) => notice.code === 'fetch-failed' || notice.code === 'budget-exhausted').length;
  const drifts = report.drifts.slice(0, 3).map((drift) => `${drift.url} ${drift.visitor} ${drift.header}: expected "${drift.expected}", got "${drift.actual}"`);
  const more = report.drifts.length > drifts.length ? `; …` : '';
  return `report ${report.ok ? 'ok' : 'not ok'}: ${report.drifts.length} drifts${drifts.length > 0 ? ` (${drifts.join('; ')}${more})` : ''}, ${report.leaks.length} leaks, notices: ${codes.length > 0 ? codes.join(', ') : 'none'}${fails > 0 ? ` (${fails} failed or cut requests)` : ''}`;
}

/**
 * `alphanode verify` against a live site, for the issue's question: how long a run over 500 URLs
 * takes on loopback, and what it adds to the server's load. A site of 200 posts of the bench
 * corpus (over 500 URLs: each post's page and JSON, the listings) is built with the example rules
 * for varnish and served by the sample site's handler in its own process, no cache in front;
 * `verifySite` runs in this process over every URL of the build's manifest (maxPages and
 * maxRequests raised so none is left out or cut). One warm-up run, then three counted ones, each
 * after an idle stretch as long as the last run, over which the server's idle CPU is read.
 */
export const verifySuite: Suite = {
  name: 'verify',
  async run() {
    const root = mkdtempSync(path.join(tmpdir(), 'alphanode-bench-verify-'));
    let server: ChildProcess | undefined;
    try {
      const site = await buildCorpusSite(root);
      const engine = compileRulesOrThrow(readFileSync(rulesFile, 'utf8'), { file: 'rules.yaml' });
      const sampled = sampleUrls(engine, { pages: site.urls, maxPages: site.urls.length });
      const options = { engine, pages: site.urls, maxPages: site.urls.length, maxRequests: sampled.length * PER_URL };
      const started = await startSite(site.outDir);
      server = started.child;
      const warm = await verifyRun(started.port, server, options, 0);
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await verifyRun(started.port, server, options, (runs.at(-1) ?? warm).wallMs));

      const fromPages = sampled.filter((url) => url.from === 'page').length;
      const inSample = new Set(sampled.map((url) => url.url));
      const missed = site.urls.filter((url) => !inSample.has(url)).length;
      if (missed > 0) throw new Error(`${missed} of the site's ${site.urls.length} URLs were left out of the sample`);
      const share = (run: Run) => (run.serverMs === undefined ? undefined : (run.serverMs / run.wallMs) * 100);
      const perRequest = (run: Run) => (run.serverMs === undefined ? undefined : (run.serverMs * 1000) / run.requests);
      const figure = (pick: (run: Run) => number | undefined, format: (value: number) => string) => spread(runs.map(pick), format);
      const ms = (value: number) => `${n(value)} ms`;
      const serverMs = figure((run) => run.serverMs, ms);
      const shareOf = figure(share, (pct) => `${pct.toFixed(0)}%`);
      return [
        `site: the first ${POSTS} posts of the bench corpus (\`alphanode generate --seed 42\`), built with examples/rules.yaml for ${TARGET}: ${site.urls.length} URLs (${site.posts} post pages and JSON, ${site.listings} listings and site files); served on loopback by the sample site's handler (createSiteHandler + siteDirReader, bench/src/site-child.ts) in its own process, no cache in front`,
        `verifySite in this process over every URL of the manifest: ${sampled.length} URLs sampled: all ${site.urls.length} of the site's (${fromPages} as pages, ${site.urls.length - fromPages} as rule examples) + ${sampled.length - site.urls.length} rule examples it does not have; concurrency ${CONCURRENCY}, maxRequests ${n(options.maxRequests)} (${PER_URL} per URL); one warm-up run, then ${RUNS} runs, each after an idle stretch as long as the run before; median (range); server CPU from /proc/PID/stat, 10 ms ticks`,
        `  warm-up run (server and verify cold)  ${(warm.wallMs / 1000).toFixed(2)} s, ${n(warm.requests)} requests, server CPU ${warm.serverMs === undefined ? 'n/a' : `${n(warm.serverMs)} ms`}`,
        `  verify wall time per run              ${figure((run) => run.wallMs, (value) => `${(value / 1000).toFixed(2)} s`)}`,
        `  requests made (report.requests)       ${figure((run) => run.requests, n)}; ${figure((run) => (run.requests * 1000) / run.wallMs, (rps) => `${n(rps)} req/s`)}`,
        `  server CPU during the run             ${serverMs}; ${shareOf} of one core over the run's wall time`,
        `  server CPU per request                ${figure(perRequest, (us) => `${n(us)} µs`)}`,
        `  server CPU idle, same wall time before ${figure((run) => run.idleMs, ms)}`,
        `  verify's own CPU (this process)       ${figure((run) => run.clientMs, ms)}`,
        `  last run's ${findings(runs.at(-1)?.report ?? warm.report)}`,
        `  → what one verify run over ${site.urls.length} URLs adds to the server's load: ${serverMs} of CPU, ${shareOf} of one core while it runs`,
      ].join('\n');
    } finally {
      if (server) await stopChildServer(server);
      rmSync(root, { recursive: true, force: true });
    }
  },
};
