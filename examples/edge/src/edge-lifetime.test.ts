import { TARGETS } from '@alphanode/cache-rules';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { describe, expect, it } from 'vitest';
import { edgeCacheControl } from './edge-lifetime.ts';

const engine = compileRulesOrThrow(`
version: 1
bypass:
  logged-in: { cookie: [session] }
rules:
  - name: page
    match: { path: /p }
    cache: { edge: 1h, browser: 60s, staleWhileRevalidate: 5m }
    bypass: [logged-in]
  - name: mine
    match: { path: /me }
    cache: { private: true, browser: 5m }
  - name: rest
    match: { path: "/*" }
    cache: { noStore: true }
`);

const decide = (target: (typeof TARGETS)[number], url: string, cookie?: string) =>
  engine.decide({ url, headers: cookie === undefined ? {} : { cookie } }, { target }).headers;

describe('edgeCacheControl', () => {
  it("reads the edge lifetime from each target's own field, for every target but Akamai", () => {
    const edge = Object.fromEntries(TARGETS.map((target) => [target, edgeCacheControl(decide(target, '/p'))]));
    expect(edge).toEqual({
      generic: 'max-age=3600, stale-while-revalidate=300',
      cloudflare: 'max-age=3600, stale-while-revalidate=300',
      fastly: 'max-age=3600, stale-while-revalidate=300',
      netlify: 'max-age=3600, stale-while-revalidate=300',
      vercel: 'max-age=3600, stale-while-revalidate=300',
      varnish: 'max-age=60, s-maxage=3600, stale-while-revalidate=300',
      akamai: undefined,
    });
  });

  it('gives nothing to store for a bypassed, browser-only or no-store response, whatever the target', () => {
    for (const target of TARGETS) {
      expect(edgeCacheControl(decide(target, '/p', 'session=1')), target).toBeUndefined();
      expect(edgeCacheControl(decide(target, '/me')), target).toBeUndefined();
      expect(edgeCacheControl(decide(target, '/other')), target).toBeUndefined();
    }
  });

  it('gives nothing to store for a zero edge lifetime', () => {
    expect(edgeCacheControl({ 'Cloudflare-CDN-Cache-Control': 'max-age=0' })).toBeUndefined();
    expect(edgeCacheControl({ 'cdn-cache-control': 'max-age=10' })).toBe('max-age=10');
  });
});
