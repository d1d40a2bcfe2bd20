import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { varnishPurger } from '@alphanode/cache-rules/purge';
import { verifySite, type VerifyReport } from '@alphanode/cache-rules/verify';
import { runCli } from '@alphanode/cli';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../create-app.ts';
import { DEFAULT_RULES_FILE } from '../load-options.ts';
import { DEFAULT_VCL, findVarnishd, freePort, startVarnish } from './start-varnish.ts';

// `alphanode verify` against the Express example behind a real varnishd with the shipped VCL (and
// broken copies of it): a clean run passes, a server on other rules is drift, a VCL that caches
// session traffic is a leak, a purge of one post evicts only its pages, and the HTML report renders
// in Chromium without a single request.
const RULES = readFileSync(DEFAULT_RULES_FILE, 'utf8');
const SLUG = 'production-checklist-for-improving-asset-delivery-in-python-services';
const PAGES = ['/', `/posts/${SLUG}`, `/posts/${SLUG}.json`, '/posts/practical-guide-to-taming-background-jobs-with-php-sites', '/topics/improving-asset-delivery-python-services', '/assets/site.138a8087.css', '/healthz'];
const dir = mkdtempSync(path.join(tmpdir(), 'alphanode-verify-'));
const running: { stop(): Promise<void> }[] = [];

afterAll(async () => {
  await Promise.all(running.map((item) => item.stop()));
  rmSync(dir, { recursive: true, force: true });
}, 20_000);

/** The example app on `rules`, behind Varnish running `vcl`. */
async function stack(options: { rules?: string; vcl?: string } = {}): Promise<{ url: string; varnishPort: number }> {
  const binary = findVarnishd();
  // Never skipped: a missing varnishd is a broken CI image, and the proof must not silently vanish.
  if (!binary.ok) throw new Error(binary.message);
  const varnishPort = await freePort();
  const { app } = await createApp({ target: 'varnish', rules: options.rules ?? RULES });
  const origin: Server = createServer(app);
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  running.push({ stop: async () => { origin.closeAllConnections(); await new Promise((resolve) => origin.close(resolve)); } });
  const varnish = await startVarnish({ backendPort: (origin.address() as AddressInfo).port, port: varnishPort, ...(options.vcl ? { vcl: options.vcl } : {}) });
  running.push(varnish);
  return { url: varnish.url, varnishPort };
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['verify', ...args], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: dir });
  return { code, stdout, stderr };
}

const rulesFile = path.join(dir, 'rules.yaml');
writeFileSync(rulesFile, RULES);
// A build's manifest naming the pages, as `--site OUT_DIR` reads it (the Express example builds none).
const site = path.join(dir, 'site');
mkdirSync(site);
writeFileSync(path.join(site, 'manifest.json'), JSON.stringify({ version: 2, settings: '', topics: {}, posts: { a: { outputs: PAGES.slice(1).map((url) => ({ url })) } }, listings: [{ url: '/' }] }));

/** verifySite's purge check over the shipped stack: the plan purges one post (its page and JSON) by key. */
async function purgeOnePost(options: { soft: boolean }): Promise<VerifyReport> {
  const { url, varnishPort } = await stack();
  return verifySite({
    base: url,
    engine: compileRulesOrThrow(RULES),
    target: 'varnish',
    pages: PAGES,
    purge: { plan: { urls: [`/posts/${SLUG}`, `/posts/${SLUG}.json`], keys: [`post-${SLUG}`], urlsWithoutKey: [] }, unrelated: 20, purger: varnishPurger({ url: `http://127.0.0.1:${varnishPort}`, soft: options.soft }) },
  });
}

describe('alphanode verify against the Express example behind Varnish', () => {
  it('passes a clean run, and writes an HTML report that renders its chart and requests nothing', async () => {
    const { url } = await stack();
    const report = path.join(dir, 'report.html');
    const run = await cli([url, '--rules', rulesFile, '--target', 'varnish', '--site', site, '--report', report, '--json']);
    const json = JSON.parse(run.stdout);
    expect([run.code, json.ok, json.drifts, json.leaks]).toEqual([0, true, [], []]);
    expect(json.latency.byStatus.hit.count).toBeGreaterThan(0);
    expect(json.latency.byStatus.miss.count).toBeGreaterThan(0);

    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`file://${report}`);
      expect(await page.locator('h1').textContent()).toContain('alphanode verify');
      expect(await page.locator('svg rect').count()).toBeGreaterThan(3);
      expect(requests).toEqual([`file://${report}`]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('reports a server on other rules as drift naming the rule, with the expected and actual values', async () => {
    const { url } = await stack({ rules: RULES.replace('cache: { edge: 1h, browser: 60s, staleWhileRevalidate: 5m, staleIfError: 1d }\n    bypass: [logged-in, preview]\n    vary: [Accept-Encoding]\n    keys: ["post:{slug}", "topic:{post.meta.topic}", "stack:{post.meta.stack}"]\n    examples:\n      cached: [/posts/improving-asset-delivery]\n', 'cache: { edge: 2h, browser: 60s, staleWhileRevalidate: 5m, staleIfError: 1d }\n    bypass: [logged-in, preview]\n    vary: [Accept-Encoding]\n    keys: ["post:{slug}", "topic:{post.meta.topic}", "stack:{post.meta.stack}"]\n    examples:\n      cached: [/posts/improving-asset-delivery]\n') });
    const run = await cli([url, '--rules', rulesFile, '--target', 'varnish', '--site', site]);
    expect([run.code, run.stdout.includes('DRIFT: 2 headers differ from the rules'), run.stdout.includes('LEAK')]).toEqual([1, true, false]);
    const json = JSON.parse((await cli([url, '--rules', rulesFile, '--target', 'varnish', '--site', site, '--json'])).stdout);
    const cc = (edge: number) => `max-age=60, s-maxage=${edge}, stale-while-revalidate=300`;
    expect(json.drifts).toEqual([`/posts/${SLUG}`, '/posts/practical-guide-to-taming-background-jobs-with-php-sites'].map((page) => ({ url: page, visitor: 'anonymous', rule: 'post-page', header: 'Cache-Control', expected: cc(3600), actual: cc(7200) })));
  }, 60_000);

  it('reports a VCL that caches cookie-bearing requests as a logged-in leak', async () => {
    // The recipe with its session pass removed: the cookie is then dropped and the anonymous copy
    // served. The origin never sees the session, so only the cache's own HIT and the shared
    // Cache-Control give it away (the bytes cannot: no request reaches the origin as logged in).
    const vcl = path.join(dir, 'leaky.vcl');
    writeFileSync(vcl, readFileSync(DEFAULT_VCL, 'utf8').replace(/if \(req\.http\.Cookie ~ "[^"]*"\) \{\s*return \(pass\);\s*\}/, ''));
    expect(readFileSync(vcl, 'utf8')).not.toContain('wp_logged_in');
    const { url } = await stack({ vcl });
    const run = await cli([url, '--rules', rulesFile, '--target', 'varnish', '--site', site, '--json']);
    const json = JSON.parse(run.stdout);
    expect([run.code, json.ok]).toEqual([1, false]);
    const post = json.leaks.filter((leak: { url: string; visitor: string }) => leak.url === `/posts/${SLUG}` && leak.visitor === 'cookie');
    expect(post.map((leak: { code: string; rule: string }) => [leak.code, leak.rule])).toEqual([
      ['served-from-cache', 'post-page'], ['shareable', 'post-page'],
      ['served-from-cache', 'post-page'], ['shareable', 'post-page'],
    ]);
    // Authorization is still passed by this VCL: no leak there.
    expect(json.leaks.some((leak: { visitor: string }) => leak.visitor === 'authorization')).toBe(false);
  }, 60_000);

  it('reports a VCL that stores the logged-in page over the shared copy: the next anonymous visitor gets personal bytes', async () => {
    // A session request is sent to the origin with its cookie (hash_always_miss), and the personal
    // page it gets back is stored under the URL in place of the anonymous copy: no HIT and no
    // shared Cache-Control on the logged-in side, so only the bytes the next visitor gets tell.
    const vcl = path.join(dir, 'hijack.vcl');
    const recipe = readFileSync(DEFAULT_VCL, 'utf8');
    writeFileSync(vcl, recipe
      .replace(/if \(req\.http\.Cookie ~ "[^"]*"\) \{\s*return \(pass\);\s*\}/, 'if (req.http.Cookie ~ "session=") {\n        set req.hash_always_miss = true;\n        return (hash);\n    }')
      .replace('sub vcl_backend_response {', 'sub vcl_backend_response {\n    if (bereq.http.Cookie ~ "session=") {\n        unset beresp.http.Set-Cookie;\n        set beresp.ttl = 1h;\n        return (deliver);\n    }'));
    expect(readFileSync(vcl, 'utf8')).toContain('hash_always_miss');
    const { url } = await stack({ vcl });
    const run = await cli([url, '--rules', rulesFile, '--target', 'varnish', '--site', site, '--json']);
    const json = JSON.parse(run.stdout);
    expect([run.code, json.ok]).toEqual([1, false]);
    const byUrl = (page: string) => json.leaks.filter((leak: { url: string; visitor: string }) => leak.url === page && leak.visitor === 'cookie').map((leak: { code: string }) => leak.code);
    // The post greets the visitor by name, so its logged-in bytes differ and show up anonymously.
    expect(byUrl(`/posts/${SLUG}`)).toEqual(['personal-bytes-shared']);
    expect(byUrl('/')).toEqual(['personal-bytes-shared']);
    // The same page fetched with the shipped recipe: no leak of any kind.
    const clean = JSON.parse((await cli([(await stack()).url, '--rules', rulesFile, '--target', 'varnish', '--site', site, '--json'])).stdout);
    expect(clean.leaks).toEqual([]);
  }, 60_000);

  it('shows a purge of one post evicting only that post\'s pages', async () => {
    const report = await purgeOnePost({ soft: false });
    expect(report.purge?.result.requests.map((r) => r.response)).toEqual(['Invalidated 2 objects\n']);
    const judged = report.purge?.urls.filter((u) => u.ok !== undefined).map((u) => [u.url, u.role, u.after, u.ok]);
    expect(judged).toEqual(expect.arrayContaining([
      [`/posts/${SLUG}`, 'purged', 'miss', true],
      [`/posts/${SLUG}.json`, 'purged', 'miss', true],
      ['/', 'unrelated', 'hit', true],
      ['/posts/practical-guide-to-taming-background-jobs-with-php-sites', 'unrelated', 'hit', true],
      ['/topics/improving-asset-delivery-python-services', 'unrelated', 'hit', true],
    ]));
    expect([report.ok, report.purge?.ok]).toEqual([true, true]);
  }, 60_000);

  it('judges a soft purge by the stale copy it leaves: STALE (served while refetched) is a revalidation, not a HIT', async () => {
    const report = await purgeOnePost({ soft: true });
    expect(report.purge?.result.requests.map((r) => r.response)).toEqual(['Soft-invalidated 2 objects\n']);
    const judged = report.purge?.urls.filter((u) => u.ok !== undefined).map((u) => [u.url, u.role, u.afterSource, u.ok]);
    expect(judged).toEqual(expect.arrayContaining([
      [`/posts/${SLUG}`, 'purged', 'x-cache: STALE', true],
      [`/posts/${SLUG}.json`, 'purged', 'x-cache: STALE', true],
      ['/', 'unrelated', 'x-cache: HIT', true],
    ]));
    expect([report.ok, report.purge?.ok]).toEqual([true, true]);
  }, 60_000);
});
