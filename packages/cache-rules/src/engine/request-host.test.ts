import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRulesOrThrow } from '../compile/compile-rules.ts';
import { TARGETS } from '../targets/target-profiles.ts';
import { normaliseHost } from './request-host.ts';

const engine = compileRulesOrThrow(`
version: 1
rules:
  - name: admin
    match: { path: "/*", host: Admin.Example.COM. }
    cache: { noStore: true }
  - name: public
    match: { path: "/*", host: [public.example.com, "[::1]"] }
    cache: { edge: 1h }
  - name: everything-else
    match: { path: "/*" }
    cache: { edge: 1h }
`);

const decide = (url: string, host?: string) => engine.decide({ url, ...(host === undefined ? {} : { headers: { host } }) }, { target: 'fastly' });

describe('normaliseHost', () => {
  it.each([
    ['admin.example.com', 'admin.example.com'],
    ['admin.example.com.', 'admin.example.com'],
    ['ADMIN.example.com:443', 'admin.example.com'],
    ['Admin.Example.com.:8443', 'admin.example.com'],
    [' admin.example.com ', 'admin.example.com'],
    ['example.com:', 'example.com'],
    ['[::1]:8080', '[::1]'],
    ['[::1]', '[::1]'],
    ['a.com:80:90', 'a.com:80'],
    ['a.com, b.com', 'a.com, b.com'],
  ])('%j → %j', (raw, host) => {
    expect(normaliseHost(raw)).toBe(host);
  });
});

describe('hosts are compared case-insensitively, without port or trailing dot', () => {
  it.each(['admin.example.com', 'admin.example.com.', 'ADMIN.example.com:443', 'Admin.Example.Com.:8080'])('Host: %s hits the admin noStore rule', (host) => {
    expect(decide('/x', host)).toMatchObject({ rule: 'admin', action: 'no-store', headers: { 'Cache-Control': 'private, no-store' } });
  });

  it('the same holds for the host of an absolute URL, and for an IPv6 literal', () => {
    expect(decide('https://ADMIN.example.com.:443/x').rule).toBe('admin');
    expect(decide('/x', '[::1]:8080').rule).toBe('public');
  });

  it('HTTP/2\'s :authority counts as a Host header (Node\'s compatibility API gives no Host)', () => {
    expect(engine.decide({ url: '/x', headers: { ':authority': 'ADMIN.example.com.:443' } }, { target: 'fastly' }).rule).toBe('admin');
    expect(engine.decide({ url: '/x', headers: { ':authority': 'admin.example.com', host: 'public.example.com' } }, { target: 'fastly' }).rule).toBe('admin');
    expect(engine.decide({ url: 'https://public.example.com/x', headers: new Headers({ host: 'public.example.com' }) }, { target: 'fastly' }).rule).toBe('public');
  });

  it('a request with no host information meets no host condition', () => {
    expect(decide('/x').rule).toBe('everything-else');
  });
});

describe('the Host header and an absolute-form target', () => {
  it('a target naming another host cannot take a request out of a host\'s noStore rule, on any target', () => {
    for (const target of TARGETS) {
      for (const [url, host] of [
        ['http://public.example.com/x', 'admin.example.com'],
        ['http://admin.example.com/x', 'public.example.com'],
        ['http://public.example.com./x', 'ADMIN.example.com:80'],
      ] as const) {
        const decision = engine.decide({ url, headers: { host } }, { target });
        expect([url, host, decision.rule, decision.action, decision.keys]).toEqual([url, host, 'admin', 'no-store', []]);
      }
    }
  });

  it('a rule that lets shared caches store needs both to match it, and says so', () => {
    const decision = engine.decide({ url: 'http://other.example.com/x', headers: { host: 'public.example.com' } }, { target: 'generic', explain: true });
    expect(decision.trace.find((entry) => entry.rule === 'public')?.reason).toBe(
      'rule "public" lets shared caches store, so the Host header and the request target must both match its hosts; they name "public.example.com" and "other.example.com"',
    );
    expect(decision.rule).toBe('everything-else');
  });

  it('agreeing spellings are one host', () => {
    expect(decide('http://PUBLIC.example.com./x', 'public.example.com:80').rule).toBe('public');
  });

  it('userinfo in the target is not its host', () => {
    expect(decide('http://admin.example.com@public.example.com/x', 'public.example.com').rule).toBe('public');
    expect(decide('http://public.example.com@admin.example.com/x', 'public.example.com').rule).toBe('admin');
  });

  it('whatever the spellings of the two hosts, if either is the admin host the response is stored nowhere', () => {
    const spelling = (name: string) =>
      fc.tuple(fc.boolean(), fc.boolean(), fc.option(fc.constantFrom('80', '443', '8080'), { nil: undefined })).map(([upper, dot, port]) => `${upper ? name.toUpperCase() : name}${dot ? '.' : ''}${port === undefined ? '' : `:${port}`}`);
    const host = fc.oneof(spelling('admin.example.com'), spelling('public.example.com'), spelling('other.example.com'));
    fc.assert(
      fc.property(host, fc.option(host, { nil: undefined }), fc.constantFrom(...TARGETS), (header, target, cdn) => {
        const url = target === undefined ? '/x' : `http://${target}/x`;
        const decision = engine.decide({ url, headers: { host: header } }, { target: cdn });
        const admin = [header, target].some((name) => name !== undefined && normaliseHost(name) === 'admin.example.com');
        if (admin) expect(decision).toMatchObject({ rule: 'admin', action: 'no-store' });
        else expect(decision.rule).not.toBe('admin');
      }),
      { numRuns: 500 },
    );
  });
});
