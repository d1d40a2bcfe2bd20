import type { CacheRulesEngine } from '../engine/create-engine.ts';
import type { Purger, PurgeInput } from '../purge-clients/types.ts';
import { targetKeyHeader, type TargetName } from '../targets/target-profiles.ts';
import { decisionFor, headerDrift } from './header-drift.ts';
import { latencyByStatus, type LatencyStats } from './latency-stats.ts';
import { loggedInLeaks } from './logged-in-leaks.ts';
import { isObservation, observe } from './observe.ts';
import { checkPurge, type PurgeCheck } from './purge-check.ts';
import { boundedFetch, mapPool, type BoundedFetch } from './request-budget.ts';
import { rollbackPlan, type RuleChange } from './rollback-plan.ts';
import { sampleUrls, type SampledUrl } from './sample-urls.ts';
import type { CacheStatus } from './cache-status.ts';
import type { Drift, Leak, Observation, VerifyFetch, VerifyNotice, Visitor } from './types.ts';

/** What `verifySite` checks, against which site, and how hard it may push it. */
export interface VerifyOptions {
  /** The live site: every request goes to this origin and no other. */
  base: string | URL;
  /** The rules the site is meant to serve. */
  engine: CacheRulesEngine;
  /** The CDN the rules write headers for. */
  target: TargetName;
  /** Default `globalThis.fetch`. */
  fetch?: VerifyFetch;
  /** The site's pages (manifest, sitemap), to sample from beside the rules' examples. */
  pages?: readonly string[];
  /** How many of `pages` to check; default 50. */
  maxPages?: number;
  /** A session's Cookie header; default `<first cookie a bypass names>=alphanode-verify`. */
  cookie?: string;
  /** The Authorization header value to test; default `Bearer alphanode-verify`. */
  authorization?: string;
  /** Check a purge: warm, purge through `purger`, look again. */
  purge?: { plan: PurgeInput; purger: Purger; unrelated?: number; settleMs?: number };
  /** The rules deployed before these: their difference over the sample, and the rollback's purge plan. */
  previous?: CacheRulesEngine;
  /** At most this many requests in all; default 2000. */
  maxRequests?: number;
  /** At most this many requests at once; default 8. */
  concurrency?: number;
  /** Give up on one request after this long; default 15,000 ms. */
  timeoutMs?: number;
  /** Called after each request with how many were sent and an estimate of the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Everything one run found, as data: the CLI prints it, writes it as JSON or as an HTML report. */
export interface VerifyReport {
  /** True when no header drifted, nothing leaked and the purge (when asked) held. */
  ok: boolean;
  base: string;
  target: TargetName;
  sample: SampledUrl[];
  drifts: Drift[];
  leaks: Leak[];
  purge: PurgeCheck | undefined;
  latency: { all: LatencyStats; byStatus: Partial<Record<CacheStatus, LatencyStats>> };
  /** With `previous`: the sampled URLs whose caching changed, and what a rollback must purge. */
  rollback: { changes: RuleChange[]; plan: PurgeInput } | undefined;
  notices: VerifyNotice[];
  /** Requests sent, and how long the run took. */
  requests: number;
  ms: number;
  observations: Observation[];
}

// Requests per sampled URL: two anonymous, then per visitor (cookie, Authorization) two, one at a
// URL no cache holds, and one anonymous after.
const PER_URL = 2 + 2 * 4;

function defaultCookie(engine: CacheRulesEngine): string {
  const name = engine.rules.flatMap((rule) => rule.bypassCookieNames)[0] ?? 'session';
  return `${name}=alphanode-verify`;
}

/** A URL with a query parameter no cache has seen, so the origin answers it. */
function uncached(url: string): string {
  const nonce = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return `${url}${url.includes('?') ? '&' : '?'}alphanode-verify=${nonce}`;
}

/**
 * Runs the production checklist against a live site: each sampled URL's caching headers against
 * what the rules decide (drift), logged-in and authorised requests never served or stored as
 * anonymous ones (leaks), optionally a purge that evicts exactly its plan, response times by
 * cache status, and the rules' difference from the previous ones. Never throws for what the site
 * answers: every problem is in the report. Edge-safe (Web APIs only); pass `fetch` to test it.
 *
 * @example
 * const report = await verifySite({ base: 'https://www.example.com', engine, target: 'fastly', pages: ['/', '/posts/a'] });
 * if (!report.ok) console.table(report.drifts);
 */
export async function verifySite(options: VerifyOptions): Promise<VerifyReport> {
  const started = performance.now();
  const base = new URL(options.base);
  const { engine, target } = options;
  const keyHeader = targetKeyHeader(target)?.name;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const sample = sampleUrls(engine, { ...(options.pages ? { pages: options.pages } : {}), ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }) });
  const maxRequests = options.maxRequests ?? 2000;
  const purgeCount = options.purge ? (options.purge.plan.urls.length + (options.purge.unrelated ?? 10)) * 3 : 0;
  const total = Math.min(maxRequests, sample.length * PER_URL + purgeCount);
  const inner = boundedFetch(options.fetch ?? ((request) => fetch(request)), base, maxRequests, options.timeoutMs ?? 15_000);
  const client: BoundedFetch = {
    ...inner,
    async get(path, headers) {
      const response = await inner.get(path, headers);
      options.onProgress?.(inner.used(), total);
      return response;
    },
  };

  const observations: Observation[] = [];
  const drifts: Drift[] = [];
  const leaks: Leak[] = [];
  const notices: VerifyNotice[] = [];
  const note = (notice: VerifyNotice) => {
    // One budget notice says it all; the URLs it cut are not worth a line each.
    if (notice.code === 'budget-exhausted' && notices.some((n) => n.code === 'budget-exhausted')) return;
    notices.push(notice);
  };
  const request = async (url: string, visitor: Visitor, headers: Record<string, string>, checkHeaders: boolean): Promise<Observation | undefined> => {
    const seen = await observe(client, url, visitor, headers, keyHeader);
    if (!isObservation(seen)) {
      note(seen);
      return undefined;
    }
    observations.push(seen);
    if (checkHeaders) {
      for (const drift of headerDrift(seen, decisionFor(engine, seen, headers, target), target)) {
        if (!drifts.some((d) => d.url === drift.url && d.visitor === drift.visitor && d.header === drift.header)) drifts.push(drift);
      }
    }
    return seen;
  };

  // Headers first, for every URL: the second request is the cached copy the logged-in checks compare with.
  const anonymous = await mapPool(sample, concurrency, async ({ url }) => {
    await request(url, 'anonymous', {}, true);
    return request(url, 'anonymous', {}, true);
  });

  const visitors: [Visitor, Record<string, string>][] = [
    ['cookie', { cookie: options.cookie ?? defaultCookie(engine) }],
    ['authorization', { authorization: options.authorization ?? 'Bearer alphanode-verify' }],
  ];
  await mapPool(sample, concurrency, async ({ url }, i) => {
    const baseline = anonymous[i];
    if (baseline === undefined) return;
    for (const [visitor, headers] of visitors) {
      const first = await request(url, visitor, headers, true);
      const repeat = await request(url, visitor, headers, true);
      const origin = await request(uncached(url), visitor, headers, false);
      const after = await request(url, 'anonymous', {}, false);
      if (!first || !repeat || !after) continue;
      const decision = decisionFor(engine, first, headers, target);
      leaks.push(...loggedInLeaks({ anonymous: baseline, decision, first, repeat, ...(origin ? { origin } : {}), after }));
    }
  });

  let purge: PurgeCheck | undefined;
  if (options.purge) {
    const planned = new Set(options.purge.plan.urls);
    const unrelated = sample
      .filter((s, i) => !planned.has(s.url) && anonymous[i]?.cache.status === 'hit')
      .slice(0, options.purge.unrelated ?? 10)
      .map((s) => s.url);
    const checked = await checkPurge(client, { plan: options.purge.plan, purger: options.purge.purger, unrelated, concurrency, keyHeader, ...(options.purge.settleMs === undefined ? {} : { settleMs: options.purge.settleMs }) });
    purge = checked.check;
    checked.notices.forEach(note);
  }

  if (observations.length > 0 && observations.every((o) => o.cache.status === 'unknown')) {
    note({ code: 'no-cache-status', message: 'no response carried X-Cache, CF-Cache-Status, X-Vercel-Cache, Cache-Status or Age: hits cannot be told from misses, so leaks are judged on headers and bytes only' });
  }
  const rollback = options.previous ? rollbackPlan(options.previous, engine, sample.map((s) => s.url), target) : undefined;
  // Requests finish in any order; the report lists findings in the sample's order, then by visitor.
  const rank = new Map(sample.map((s, i) => [s.url, i]));
  const visitorRank: Record<Visitor, number> = { anonymous: 0, cookie: 1, authorization: 2 };
  const byUrl = (a: { url: string; visitor: Visitor }, b: { url: string; visitor: Visitor }) => (rank.get(a.url) ?? 0) - (rank.get(b.url) ?? 0) || visitorRank[a.visitor] - visitorRank[b.visitor];
  drifts.sort((a, b) => byUrl(a, b) || a.header.localeCompare(b.header));
  leaks.sort(byUrl);
  const ok = drifts.length === 0 && leaks.length === 0 && (purge?.ok ?? true);
  return { ok, base: base.href, target, sample, drifts, leaks, purge, latency: latencyByStatus(observations), rollback, notices, requests: inner.used(), ms: Math.round(performance.now() - started), observations };
}
