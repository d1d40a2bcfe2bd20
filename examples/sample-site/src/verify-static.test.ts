import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { runCli } from '@alphanode/cli';
import { createSiteHandler } from '@alphanode/site';
import { buildSite, readSiteManifest, siteDirReader, toNodeListener, type BuildOptions, type Manifest } from '@alphanode/site/node';
import { afterAll, describe, expect, it } from 'vitest';
// Reached by path, as varnish-purge.test.ts does: the edit batches of the build's property tests,
// and the Express example's varnishd launcher with its shipped VCL.
import { apply, type Corpus } from '../../../packages/site/test/edits.ts';
import { findVarnishd, startVarnish } from '../../express/src/varnish/start-varnish.ts';

// `alphanode verify`, run as the CLI runs it, against the static site the sample site's handler
// serves (built from examples/content with the example rules), behind a real varnishd with the
// shipped VCL: pages sampled from the site's own sitemap, a build's purge plan sent through the
// Varnish purger, the rollback of a rules change, and a broken plan refused before any traffic.

const examples = fileURLToPath(new URL('../../', import.meta.url));
const RULES = readFileSync(path.join(examples, 'rules.yaml'), 'utf8');
const engine = compileRulesOrThrow(RULES);
// Not the address Varnish listens on: the sitemap names the production host, and verify must
// still request its pages under BASE_URL.
const PRODUCTION = 'https://alphanode.example';

const running: { stop(): Promise<void> }[] = [];
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(running.map((item) => item.stop()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}, 20_000);

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  running.push({ stop: async () => { server.closeAllConnections(); await new Promise((resolve) => server.close(resolve)); } });
  return (server.address() as AddressInfo).port;
}

interface Site {
  /** The temp dir: the content copy, the rules, the out dir `dist`, and the CLI's cwd. */
  dir: string;
  corpus: Corpus;
  options: BuildOptions;
  outDir: string;
  origin: string;
  varnish: string;
}

/**
 * The 32 sample posts copied to a temp dir, built with the example rules and a base URL (so with a
 * sitemap), served by the sample site's handler and fronted by a fresh varnishd: each test starts
 * from an empty cache, so a first request is a MISS.
 */
async function site(): Promise<Site> {
  const binary = findVarnishd();
  // Never skipped: a missing varnishd is a broken CI image, and the proof must not silently vanish.
  if (!binary.ok) throw new Error(binary.message);
  const dir = mkdtempSync(path.join(tmpdir(), 'alphanode-verify-static-'));
  dirs.push(dir);
  cpSync(path.join(examples, 'content'), path.join(dir, 'content'), { recursive: true });
  writeFileSync(path.join(dir, 'rules.yaml'), RULES);
  const corpus: Corpus = { dir, files: readdirSync(path.join(dir, 'content')).sort() };
  const options: BuildOptions = { patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules: RULES, target: 'varnish', workers: 0, settings: { baseUrl: PRODUCTION } };
  const built = await buildSite(options);
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const outDir = path.join(dir, 'dist');
  // siteDirReader reads the out dir on every request: a rebuild is served at once.
  const originPort = await listen(createServer(toNodeListener(createSiteHandler({ read: siteDirReader(outDir), engine, target: 'varnish' }))));
  const varnish = await startVarnish({ backendPort: originPort });
  running.push(varnish);
  return { dir, corpus, options, outDir, origin: `http://127.0.0.1:${originPort}`, varnish: varnish.url };
}

async function verify(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['verify', ...args], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd });
  return { code, stdout, stderr };
}

/** With VARNISH_URL set as a deploy would set it for the Varnish purger, and put back after. */
async function withVarnishUrl<T>(url: string, run: () => Promise<T>): Promise<T> {
  const before = process.env['VARNISH_URL'];
  process.env['VARNISH_URL'] = url;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env['VARNISH_URL'];
    else process.env['VARNISH_URL'] = before;
  }
}

async function text(base: string, url: string): Promise<{ body: string; xCache: string | null; xkey: string | null }> {
  const response = await fetch(`${base}${url}`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  return { body: await response.text(), xCache: response.headers.get('x-cache'), xkey: response.headers.get('xkey') };
}

const ruleOf = (url: string) => engine.decide({ url }, { target: 'varnish' }).rule;

interface Sampled { url: string; rule: string | null; from: 'example' | 'page' }
interface Observed { url: string; visitor: string; status: number; cache: { status: string } }
interface PurgeUrl { url: string; role: 'purged' | 'unrelated'; after?: string; ok?: boolean }

describe('alphanode verify against the sample site\'s static build behind Varnish', () => {
  it('passes a clean run sampling every kind of page from the site\'s own sitemap, requested under BASE_URL', async () => {
    const { dir, outDir, varnish } = await site();
    // The sitemap as the build wrote it: every page it lists, as paths, by the rule that serves it.
    const sitemap = [...readFileSync(path.join(outDir, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] as string));
    expect(sitemap.length).toBeGreaterThan(0);
    expect(sitemap.filter((url) => url.origin !== PRODUCTION)).toEqual([]);
    const listed = new Set(sitemap.map((url) => url.pathname));
    const kinds = new Set([...listed].map(ruleOf));
    expect(['home', 'post-page', 'topic-listing'].filter((kind) => !kinds.has(kind))).toEqual([]);

    const run = await verify(dir, [varnish, '--rules', 'rules.yaml', '--target', 'varnish', '--sitemap', '/sitemap.xml', '--json']);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect({ code: run.code, ok: json.ok, drifts: json.drifts, leaks: json.leaks }).toEqual({ code: 0, ok: true, drifts: [], leaks: [] });

    // The pages it sampled are the sitemap's: every one it took from the sitemap is listed there,
    // and every kind of page the sitemap lists was checked through one of its own URLs.
    const sample = json.sample as Sampled[];
    const fromSitemap = sample.filter((s) => s.from === 'page');
    expect(fromSitemap.length).toBeGreaterThan(0);
    expect(fromSitemap.filter((s) => !listed.has(s.url))).toEqual([]);
    expect(new Set(sample.filter((s) => listed.has(s.url)).map((s) => ruleOf(s.url)))).toEqual(kinds);

    // Requested under BASE_URL (the production host serves nothing here): each page the sitemap
    // gave was served, a MISS on the fresh cache and then a HIT.
    const observations = json.observations as Observed[];
    const anonymous = (url: string) => observations.filter((o) => o.url === url && o.visitor === 'anonymous');
    expect(fromSitemap.filter((s) => anonymous(s.url).some((o) => o.status !== 200)).map((s) => s.url)).toEqual([]);
    expect(fromSitemap.filter((s) => !anonymous(s.url).some((o) => o.cache.status === 'miss')).map((s) => s.url)).toEqual([]);
    expect(fromSitemap.filter((s) => !anonymous(s.url).some((o) => o.cache.status === 'hit')).map((s) => s.url)).toEqual([]);
    expect(json.latency.byStatus.hit.count).toBeGreaterThan(0);
    expect(json.latency.byStatus.miss.count).toBeGreaterThan(0);
  }, 60_000);

  it('sends a rebuild\'s purge plan through the Varnish purger: its URLs are MISSes after it, the other pages still HITs', async () => {
    const { dir, corpus, options, outDir, origin, varnish } = await site();
    // The post to edit, and its pages as the first build wrote them, cached by Varnish: the copy a
    // purge has to evict.
    const file = corpus.files[0] as string;
    const post = Object.values((readSiteManifest(outDir) as Manifest).posts).find((p) => p.file === `content/${file}`);
    expect(post).toBeDefined();
    const page = (post?.outputs[0]?.url) as string;
    await text(varnish, page);
    expect((await text(varnish, page)).xCache).toBe('HIT');

    const paragraph = 'verify purges this freshly written paragraph.';
    apply(corpus, [{ kind: 'body', at: 0, text: paragraph }]);
    const summary = await buildSite(options);
    const plan = summary.purge;
    expect(plan.urls).toContain(page);
    writeFileSync(path.join(dir, 'purge-plan.json'), JSON.stringify(plan));
    // The origin already serves the new build; Varnish still serves the old page.
    expect((await text(origin, page)).body).toContain(paragraph);
    expect((await text(varnish, page)).body).not.toContain(paragraph);

    const run = await withVarnishUrl(varnish, () => verify(dir, [varnish, '--rules', 'rules.yaml', '--target', 'varnish', '--site', 'dist', '--purge', 'purge-plan.json', '--purger', 'varnish', '--json']));
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect({ code: run.code, drifts: json.drifts, leaks: json.leaks, purge: json.purge.ok }).toEqual({ code: 0, drifts: [], leaks: [], purge: true });

    const urls = json.purge.urls as PurgeUrl[];
    const purged = urls.filter((u) => u.role === 'purged');
    const unrelated = urls.filter((u) => u.role === 'unrelated');
    expect(purged.map((u) => u.url).sort()).toEqual([...new Set(plan.urls)].sort());
    expect(unrelated.filter((u) => plan.urls.includes(u.url))).toEqual([]);
    // Judged: warmed to a HIT first. The edited page must be among them, and at least one other page.
    const judged = (list: PurgeUrl[]) => list.filter((u) => u.ok !== undefined);
    expect(judged(purged).map((u) => u.url)).toContain(page);
    expect(judged(unrelated).length).toBeGreaterThan(0);
    expect(judged(purged).filter((u) => u.after !== 'miss')).toEqual([]);
    expect(judged(unrelated).filter((u) => u.after !== 'hit')).toEqual([]);
    // And the purge is what made the new page visible through Varnish.
    expect((await text(varnish, page)).body).toContain(paragraph);
  }, 60_000);

  it('with --previous-rules, lists the rule change for the pages it caches and writes the rollback\'s purge plan and command', async () => {
    const { dir, origin, varnish } = await site();
    // The deployed rules kept post pages 2 h at the edge; the example rules keep them 1 h.
    const rule = RULES.indexOf('  - name: post-page\n');
    const edge = RULES.indexOf('edge: 1h', rule);
    // The first `edge: 1h` after the rule's name must be its own, not the next rule's.
    expect([rule, edge].every((at) => at > 0) && RULES.indexOf('\n  - name:', rule + 1) > edge).toBe(true);
    const previous = `${RULES.slice(0, edge)}edge: 2h${RULES.slice(edge + 'edge: 1h'.length)}`;
    expect(previous).not.toBe(RULES);
    writeFileSync(path.join(dir, 'old-rules.yaml'), previous);
    const oldEngine = compileRulesOrThrow(previous);

    const run = await verify(dir, [varnish, '--rules', 'rules.yaml', '--previous-rules', 'old-rules.yaml', '--target', 'varnish', '--site', 'dist', '--json']);
    const json = JSON.parse(run.stdout);
    expect(run.code).toBe(json.ok ? 0 : 1);

    // Changed: exactly the sampled pages the post-page rule stores; a bypassed request (preview)
    // was never stored under either rules.
    const sample = json.sample as Sampled[];
    const expected = sample.map((s) => s.url).filter((url) => {
      const decision = engine.decide({ url }, { target: 'varnish' });
      return decision.rule === 'post-page' && decision.action === 'cache';
    });
    expect(expected.length).toBeGreaterThan(1);
    const changes = json.rollback.changes as { url: string; before: string; after: string; changes: string[] }[];
    expect(changes.map((c) => c.url).sort()).toEqual([...expected].sort());
    const cacheControl = (rules: typeof engine, url: string) => rules.decide({ url }, { target: 'varnish' }).headers['Cache-Control'];
    for (const change of changes) {
      expect([change.before, change.after]).toEqual(['post-page', 'post-page']);
      expect(change.changes.join('\n')).toContain(`${cacheControl(oldEngine, change.url)} → ${cacheControl(engine, change.url)}`);
    }

    expect(json.restore).toBe('cp "old-rules.yaml" "rules.yaml" && alphanode purge "rollback-purge-plan.json" --target varnish');
    const written = JSON.parse(readFileSync(path.join(dir, 'rollback-purge-plan.json'), 'utf8'));
    expect(written).toEqual(json.rollback.plan);
    expect([...written.urls].sort()).toEqual([...expected].sort());
    // Its keys reach every changed page the site serves: each carries at least one of them.
    const served = (await Promise.all(expected.map(async (url) => ({ url, xkey: (await text(origin, url)).xkey })))).filter((page) => page.xkey != null);
    expect(served.length).toBeGreaterThan(0);
    expect(served.filter((page) => !(page.xkey as string).split(' ').some((key) => written.keys.includes(key)))).toEqual([]);
  }, 60_000);

  it('refuses a purge plan that is not one, naming the file, before any request reaches Varnish', async () => {
    const { dir, varnish } = await site();
    // Every request, to the pages or to the purger, goes through this counter in front of Varnish.
    const target = new URL(varnish);
    const seen: string[] = [];
    const port = await listen(createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    }));
    const proxy = `http://127.0.0.1:${port}`;
    const args = [proxy, '--rules', 'rules.yaml', '--target', 'varnish', '--site', 'dist', '--purge', 'bad-plan.json', '--purger', 'varnish', '--json'];

    writeFileSync(path.join(dir, 'bad-plan.json'), JSON.stringify({ urls: 3 }));
    const bad = await withVarnishUrl(proxy, () => verify(dir, args));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('bad-plan.json');
    expect(bad.stdout).toBe('');
    expect(seen).toEqual([]);
    // Nor with --sitemap, whose fetch would be the run's first request: the plan is checked before it.
    const viaSitemap = await withVarnishUrl(proxy, () => verify(dir, args.map((arg) => (arg === '--site' ? '--sitemap' : arg === 'dist' ? '/sitemap.xml' : arg))));
    expect([viaSitemap.code === 0, viaSitemap.stderr.includes('bad-plan.json'), seen]).toEqual([false, true, []]);

    // The counter does see verify's traffic: the same command with a plan that is one, and a small budget.
    const [first] = (readSiteManifest(path.join(dir, 'dist')) as Manifest).listings;
    expect(first).toBeDefined();
    writeFileSync(path.join(dir, 'bad-plan.json'), JSON.stringify({ urls: [first?.url], keys: [] }));
    const good = await withVarnishUrl(proxy, () => verify(dir, [...args, '--max-requests', '4', '--purge-wait', '0']));
    const json = JSON.parse(good.stdout);
    expect(seen.filter((line) => line.startsWith('GET ')).length).toBe(json.requests);
    expect(seen.filter((line) => line.startsWith('PURGE ')).length).toBeGreaterThan(0);
  }, 60_000);
});
