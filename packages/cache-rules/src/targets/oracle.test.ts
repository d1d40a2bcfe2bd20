import CachePolicy from 'http-cache-semantics';
import { describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../test/load-fixture.ts';
import type { DecideRequest, DecideResponse } from '../engine/request-view.ts';
import { TARGETS, type TargetName } from './target-profiles.ts';

/**
 * What each target's shared cache takes as its Cache-Control, following its documented precedence
 * (RFC 9213 target lists; Fastly's Surrogate-Control; Akamai's Edge-Control; Varnish reads
 * Cache-Control with s-maxage). http-cache-semantics reads only Cache-Control, so the winning
 * field is folded into it before the oracle sees the response.
 */
const SHARED_FIELDS: Record<TargetName, string[]> = {
  generic: ['CDN-Cache-Control'],
  cloudflare: ['Cloudflare-CDN-Cache-Control', 'CDN-Cache-Control'],
  netlify: ['Netlify-CDN-Cache-Control', 'CDN-Cache-Control'],
  vercel: ['Vercel-CDN-Cache-Control', 'CDN-Cache-Control'],
  fastly: ['Surrogate-Control'],
  akamai: ['Edge-Control'],
  varnish: [],
};

function sharedCacheControl(target: TargetName, headers: Record<string, string>): string {
  for (const field of SHARED_FIELDS[target]) {
    const value = headers[field];
    if (value === undefined) continue;
    // Edge-Control's "!no-store" means "do store"; the oracle must not read it as no-store.
    return target === 'akamai' ? value.replace('!no-store, ', '') : value;
  }
  return headers['Cache-Control'] ?? '';
}

function policy(target: TargetName, shared: boolean, request: DecideRequest, response: DecideResponse, headers: Record<string, string>): CachePolicy {
  const requestHeaders: Record<string, string> = { host: 'example.com' };
  for (const [name, value] of Object.entries(request.headers ?? {})) requestHeaders[name.toLowerCase()] = String(value);
  const responseHeaders: Record<string, string> = { 'cache-control': shared ? sharedCacheControl(target, headers) : (headers['Cache-Control'] ?? '') };
  if (headers['Vary']) responseHeaders['vary'] = headers['Vary'];
  const setCookie = (response.headers as Record<string, string> | undefined)?.['set-cookie'];
  if (setCookie) responseHeaders['set-cookie'] = setCookie;
  return new CachePolicy({ url: String(request.url), method: request.method ?? 'GET', headers: requestHeaders }, { status: response.status ?? 200, headers: responseHeaders }, { shared });
}

type Intent = { edge: number; browser: number } | { private: number } | 'never';

const CASES: { name: string; request: DecideRequest; response?: DecideResponse; action: string; intent: Intent; edgeStale?: { swr: number; sie: number } }[] = [
  { name: 'a post page', request: { url: '/posts/improving-asset-delivery' }, action: 'cache', intent: { edge: 3600, browser: 60 }, edgeStale: { swr: 300, sie: 86_400 } },
  { name: 'a hashed asset', request: { url: '/assets/app.3f9a1c.css' }, action: 'cache', intent: { edge: 31_536_000, browser: 31_536_000 } },
  { name: 'a 404', request: { url: '/posts/gone' }, response: { status: 404 }, action: 'cache', intent: { edge: 180, browser: 0 } },
  { name: 'a logged-in visitor', request: { url: '/posts/improving-asset-delivery', headers: { cookie: 'theme=dark; session=abc' } }, action: 'bypass', intent: 'never' },
  { name: 'an Authorization header', request: { url: '/posts/improving-asset-delivery', headers: { Authorization: 'Bearer x' } }, action: 'bypass', intent: 'never' },
  { name: 'a preview', request: { url: '/posts/improving-asset-delivery?preview=1' }, action: 'bypass', intent: 'never' },
  { name: 'a response that sets a cookie', request: { url: '/posts/improving-asset-delivery' }, response: { headers: { 'set-cookie': 'id=1' } }, action: 'bypass', intent: 'never' },
  { name: 'a 5xx', request: { url: '/posts/improving-asset-delivery' }, response: { status: 503 }, action: 'no-store', intent: 'never' },
  { name: 'a noStore rule', request: { url: '/search' }, action: 'no-store', intent: 'never' },
  { name: 'a POST', request: { url: '/posts/improving-asset-delivery', method: 'POST' }, action: 'no-store', intent: 'never' },
  { name: 'browser-only caching', request: { url: '/account/settings' }, action: 'cache', intent: { private: 300 } },
];

const engine = fixtureEngine();
// Stale directives each target documents at its edge (Vercel and Netlify: no stale-if-error; Varnish maps only SWR).
const SIE: Record<TargetName, boolean> = { generic: true, cloudflare: true, fastly: true, akamai: false, netlify: false, vercel: false, varnish: false };
const SWR: Record<TargetName, boolean> = { generic: true, cloudflare: true, fastly: true, akamai: false, netlify: true, vercel: true, varnish: true };

describe.each(TARGETS)('target %s, checked by http-cache-semantics', (target) => {
  it.each(CASES)('$name → $action', ({ request, response = {}, action, intent, edgeStale }) => {
    const decision = engine.decide(request, { target, response });
    expect(decision.action).toBe(action);
    const shared = policy(target, true, request, response, decision.headers);
    const browser = policy(target, false, request, response, decision.headers);
    if (intent === 'never') {
      expect(shared.timeToLive()).toBe(0);
      expect(browser.timeToLive()).toBe(0);
      expect(shared.storable() && shared.maxAge() > 0).toBe(false);
      return;
    }
    if ('private' in intent) {
      expect(shared.storable()).toBe(false);
      expect(browser.storable()).toBe(true);
      expect(browser.maxAge()).toBe(intent.private);
      return;
    }
    expect(shared.storable()).toBe(true);
    expect(shared.maxAge()).toBe(intent.edge);
    expect(browser.maxAge()).toBe(intent.browser);
    const stale = edgeStale ? Math.max(SWR[target] ? edgeStale.swr : 0, SIE[target] ? edgeStale.sie : 0) : 0;
    // timeToLive counts down from construction, so round away the milliseconds that passed.
    expect(Math.round(shared.timeToLive() / 1000)).toBe(intent.edge + stale);
    // A fresh stored copy answers the next identical request without going back to the origin.
    expect(shared.satisfiesWithoutRevalidation({ url: String(request.url), method: 'GET', headers: { host: 'example.com' } })).toBe(true);
  });
});

describe('stored headers never mix a shared lifetime with a private or no-store Cache-Control', () => {
  it.each(TARGETS)('%s', (target) => {
    for (const { request, response } of CASES) {
      const { headers } = engine.decide(request, { target, ...(response ? { response } : {}) });
      const cc = headers['Cache-Control'] ?? '';
      if (/private|no-store/.test(cc)) {
        expect(headers['Surrogate-Control']).toBeUndefined();
        expect(cc).not.toMatch(/s-maxage/);
        for (const field of SHARED_FIELDS[target]) expect(headers[field] ?? 'no-store').toMatch(/no-store|private/);
      }
    }
  });
});
