import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { varnishPurger } from '@alphanode/cache-rules/purge';
import { createSiteHandler } from '@alphanode/site';
import { buildSite, manifestRecords, siteDirReader, toNodeListener, type BuildOptions, type BuildSummary, type Manifest, readSiteManifest } from '@alphanode/site/node';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
// Neither package is a dependency of this example, so they are reached by path: the corpus
// generator and the edit batches the build's own property tests use, and the Express example's
// varnishd launcher (with its varnish/default.vcl). The Varnish purger, the code a deploy sends a
// build's purge plan through, is @alphanode/cache-rules/purge's.
import { apply, writeCorpus, edit, type Edit } from '../../../packages/site/test/edits.ts';
import { findVarnishd, startVarnish, type RunningVarnish } from '../../express/src/varnish/start-varnish.ts';

// The end-to-end proof of a build's purge plan: a real varnishd with vmod_xkey and the shipped VCL in
// front of the sample site's handler (target varnish, so every page carries `xkey`). After any batch
// of edits, rebuilding and sending `summary.purge` through the Varnish purger leaves no stale byte
// anywhere in the cache, and evicts nothing whose bytes did not change.

const rules = readFileSync(fileURLToPath(new URL('../../rules.yaml', import.meta.url)), 'utf8');
const engine = compileRulesOrThrow(rules);
const POSTS = 30;

// Whatever a run left running when it failed or timed out; stopped in afterAll.
const running = new Set<{ stop(): Promise<void> }>();

afterAll(async () => {
  await Promise.all([...running].map((item) => item.stop()));
}, 15_000);

interface Fetched {
  status: number;
  /** SHA-256 of the body, so that a report lists hashes, not pages. */
  hash: string;
  xCache: string | null;
}

async function get(base: string, url: string): Promise<Fetched> {
  const response = await fetch(`${base}${url}`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, hash: createHash('sha256').update(body).digest('hex').slice(0, 16), xCache: response.headers.get('x-cache') };
}

/** Every URL the built site serves, as its manifest records them: each post's outputs and the listings. */
function siteUrls(outDir: string): Set<string> {
  const manifest = readSiteManifest(outDir) as Manifest;
  return new Set(manifestRecords(manifest).map((output) => output.url));
}

/** The sample site's handler over node:http on an ephemeral loopback port. */
async function startOrigin(dir: string): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const server: Server = createServer(toNodeListener(createSiteHandler({ read: siteDirReader(dir), engine, target: 'varnish' })));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** What a fetch through Varnish and one from the origin disagree on, for every URL. */
async function compare(varnish: string, origin: string, urls: Iterable<string>): Promise<{ seen: Map<string, Fetched>; stale: string[] }> {
  const seen = new Map<string, Fetched>();
  const stale: string[] = [];
  for (const url of [...urls].sort()) {
    const cached = await get(varnish, url);
    const fresh = await get(origin, url);
    seen.set(url, cached);
    if (cached.status !== fresh.status || cached.hash !== fresh.hash) {
      stale.push(`${url}: Varnish ${cached.status} ${cached.hash} (${cached.xCache}), origin ${fresh.status} ${fresh.hash}`);
    }
  }
  return { seen, stale };
}

/** What the runs exercised, so that a pass is known not to be vacuous. */
const exercised = { runs: 0, batches: 0, pages: 0, changed: 0, stillHit: 0, keys: 0, urlsWithoutKey: 0, vanished: 0, appeared: 0 };

async function run(seed: number, batches: readonly (readonly Edit[])[]): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'alphanode-varnish-site-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    // 1. A generated corpus, built with the example rules, served by the sample site's handler behind Varnish.
    const corpus = writeCorpus(dir, POSTS, seed);
    const options: BuildOptions = { patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules, target: 'varnish', workers: 0 };
    const outDir = path.join(dir, 'dist');
    const built = await buildSite(options);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const origin = await startOrigin(outDir);
    running.add(origin);
    stops.push(async () => {
      await origin.stop();
      running.delete(origin);
    });
    const varnish: RunningVarnish = await startVarnish({ backendPort: origin.port });
    running.add(varnish);
    stops.push(async () => {
      await varnish.stop();
      running.delete(varnish);
    });
    const purger = varnishPurger({ url: varnish.url });

    // 2. Every page through Varnish once (a MISS each: a fresh cache), then again: a HIT each.
    let urls = siteUrls(outDir);
    const warm = await compare(varnish.url, origin.url, urls);
    expect(warm.stale).toEqual([]);
    expect([...warm.seen].filter(([, page]) => page.status !== 200 || page.xCache !== 'MISS').map(([url]) => url)).toEqual([]);
    const again = await compare(varnish.url, origin.url, urls);
    expect(again.stale).toEqual([]);
    expect([...again.seen].filter(([, page]) => page.xCache !== 'HIT').map(([url, page]) => `${url}: ${page.xCache}`)).toEqual([]);

    for (const batch of batches) {
      apply(corpus, batch);
      // The URLs the rebuild will serve, from a build of a copy: a URL that is about to appear is
      // fetched now, so Varnish holds its 404 (which carries no key) when the site changes.
      const probe = path.join(dir, 'probe');
      cpSync(outDir, probe, { recursive: true });
      await buildSite({ ...options, outDir: 'probe' });
      const upcoming = siteUrls(probe);
      rmSync(probe, { recursive: true, force: true });

      // 3–4. Before: everything Varnish serves is the origin's, and is now cached.
      const all = new Set([...urls, ...upcoming]);
      const before = await compare(varnish.url, origin.url, all);
      expect(before.stale).toEqual([]);

      const summary: BuildSummary = await buildSite(options);
      const next = siteUrls(outDir);
      expect([...next].sort()).toEqual([...upcoming].sort());
      const purged = await purger.purge(summary.purge);
      expect(purged.failures).toEqual([]);

      // After: no stale bytes anywhere, vanished URLs are 404, and nothing unchanged was evicted.
      const after = await compare(varnish.url, origin.url, all);
      const context = `edits ${JSON.stringify(batch)}\nplan ${JSON.stringify(summary.purge)}`;
      expect(after.stale, context).toEqual([]);
      const vanished = [...urls].filter((url) => !next.has(url));
      expect(vanished.filter((url) => after.seen.get(url)?.status !== 404), context).toEqual([]);
      const unchanged = [...all].filter((url) => {
        const [was, now] = [before.seen.get(url), after.seen.get(url)];
        return was?.status === now?.status && was?.hash === now?.hash;
      });
      expect(unchanged.filter((url) => after.seen.get(url)?.xCache !== 'HIT').map((url) => `${url}: ${after.seen.get(url)?.xCache}`), context).toEqual([]);

      exercised.batches++;
      exercised.pages += all.size;
      exercised.changed += all.size - unchanged.length;
      exercised.stillHit += unchanged.length;
      exercised.keys += summary.purge.keys.length;
      exercised.urlsWithoutKey += summary.purge.urlsWithoutKey.length;
      exercised.vanished += vanished.length;
      exercised.appeared += [...next].filter((url) => !urls.has(url)).length;
      urls = next;
    }
    exercised.runs++;
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a built site behind Varnish 7 with the example VCL, purged with each build\'s plan', () => {
  it('serves no stale byte after any batch of edits, and keeps every unchanged page cached', async () => {
    const binary = findVarnishd();
    // Never skipped: a missing varnishd is a broken CI image, and the proof must not silently vanish.
    if (!binary.ok) throw new Error(binary.message);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 10_000 }), fc.array(fc.array(edit, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }), run),
      { numRuns: Number(process.env['ALPHANODE_VARNISH_RUNS'] ?? 5) },
    );
    // Not vacuous: pages changed and stayed, by key and by URL, pages came and went.
    expect(exercised.runs).toBeGreaterThanOrEqual(1);
    for (const count of ['changed', 'stillHit', 'keys', 'urlsWithoutKey'] as const) expect([count, exercised[count]]).not.toEqual([count, 0]);
  }, 240_000);
});
