import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AKAMAI,
  AKAMAI_LIMITS,
  akamai,
  cloudflare,
  cloudflareLimits,
  fakeClock,
  fastly,
  json,
  netlify,
  parse,
  SITE,
  START,
  startCdn,
  varnish,
  vercel,
  type FakeCdn,
  type RateLimits,
  type Received,
  type Route,
} from '../../test/fake-cdns.ts';
import { akamaiPurger } from './akamai.ts';
import { cloudflarePurger } from './cloudflare.ts';
import { edgeGridSigner } from './edgegrid.ts';
import { fastlyPurger } from './fastly.ts';
import { netlifyPurger } from './netlify.ts';
import type { Purger, PurgeInput } from './types.ts';
import { varnishPurger } from './varnish.ts';
import { vercelPurger } from './vercel.ts';

// Each client against a local server that speaks its CDN's API and enforces the documented limits
// the client cites (test/fake-cdns.ts): an over-size batch gets the CDN's 400 or 413, a request over
// a documented rate limit its 429 (cdn-rate-limits.test.ts), and 429s and 5xx come when told to.
// Time is a fake clock: no test really waits.

type Clock = ReturnType<typeof fakeClock>['clock'];

// A plan bigger than every API takes in one request: 1,200 keys of about 50 bytes, 150 new URLs.
const KEYS = Array.from({ length: 1200 }, (_, i) => `post-${String(i).padStart(4, '0')}-a-rather-long-generated-slug-here`);
const URLS = Array.from({ length: 150 }, (_, i) => `/posts/new-${String(i).padStart(3, '0')}`);
const PLAN: PurgeInput = { keys: KEYS, urls: ['/', ...URLS], urlsWithoutKey: URLS };

interface Case {
  route: Route;
  /** The documented rate limits the fake enforces. */
  limits?: RateLimits;
  make(url: string, clock: Clock): Purger;
  /** How many requests PLAN takes, within the API's limits. */
  requests: number;
  /** A request just over each documented limit, which the fake must refuse. */
  overLimits?: Record<string, (url: string) => Promise<Response>>;
}

const retry = { timeoutMs: 5000 };
const cases: Record<string, Case> = {
  fastly: {
    route: fastly,
    make: (url, clock) => fastlyPurger({ serviceId: 'svc', token: 'fastly-token', apiBase: url, siteUrl: SITE, clock, retry }),
    requests: 5 + 150, // 256 + 256 + 256 + 256 + 176 keys, then one purge per URL
    overLimits: {
      '256 keys a batch': (url) => fetch(`${url}/service/svc/purge`, { method: 'POST', headers: { 'fastly-key': 'fastly-token' }, body: JSON.stringify({ surrogate_keys: KEYS.slice(0, 257) }) }),
      '1,024 bytes a key': (url) => fetch(`${url}/service/svc/purge`, { method: 'POST', headers: { 'fastly-key': 'fastly-token' }, body: JSON.stringify({ surrogate_keys: ['é'.repeat(513)] }) }),
    },
  },
  cloudflare: {
    route: cloudflare,
    limits: cloudflareLimits('free'),
    make: (url, clock) => cloudflarePurger({ zoneId: 'zone1', token: 'cf-token', apiBase: url, siteUrl: SITE, clock, retry }),
    requests: 12 + 2, // 100 tags a request, then 100 + 50 files
    overLimits: {
      '100 tags a request': (url) => fetch(`${url}/zones/zone1/purge_cache`, { method: 'POST', headers: { authorization: 'Bearer cf-token' }, body: JSON.stringify({ tags: KEYS.slice(0, 101) }) }),
    },
  },
  akamai: {
    route: akamai,
    limits: AKAMAI_LIMITS,
    make: (url, clock) => akamaiPurger({ host: url, credentials: AKAMAI, siteUrl: SITE, clock, retry }),
    requests: 2 + 1, // 63 KB of tags in two bodies of at most 50,000 bytes, then the URLs in one
    overLimits: {
      '50,000 bytes a body': async (url) => {
        const body = JSON.stringify({ objects: ['x'.repeat(50_000 - '{"objects":[""]}'.length + 1)] });
        const authorization = await edgeGridSigner(AKAMAI)({ method: 'POST', url: `${url}/ccu/v3/delete/tag/production`, headers: {}, body });
        return fetch(`${url}/ccu/v3/delete/tag/production`, { method: 'POST', headers: { authorization }, body });
      },
    },
  },
  netlify: {
    route: netlify,
    make: (url, clock) => netlifyPurger({ siteId: 'site1', token: 'nf-token', apiBase: url, clock, retry }),
    requests: 12,
  },
  vercel: {
    route: vercel,
    make: (url, clock) => vercelPurger({ projectId: 'prj_1', token: 'vc-token', apiBase: url, clock, retry }),
    requests: 10, // 128 tags (6,655 characters) a request
    overLimits: {
      '256 characters a tag': (url) => fetch(`${url}/v1/edge-cache/invalidate-by-tags?projectIdOrName=prj_1`, { method: 'POST', headers: { authorization: 'Bearer vc-token' }, body: JSON.stringify({ tags: ['x'.repeat(257)] }) }),
      // 32 tags of 256 characters and their 31 commas: 8,223 characters.
      '8,196 characters in all': (url) => fetch(`${url}/v1/edge-cache/invalidate-by-tags?projectIdOrName=prj_1`, { method: 'POST', headers: { authorization: 'Bearer vc-token' }, body: JSON.stringify({ tags: Array.from({ length: 32 }, (_, i) => `${i}`.padEnd(256, 'x')) }) }),
    },
  },
  varnish: {
    route: varnish,
    make: (url, clock) => varnishPurger({ url, clock, retry }),
    requests: 7 + 150, // header lines of at most 8,192 bytes, then one PURGE per URL
    overLimits: {
      '8,192 bytes a header line': (url) => fetch(`${url}/`, { method: 'PURGE', headers: { 'xkey-purge': 'k'.repeat(8192 - 'xkey-purge: '.length + 1) } }),
    },
  },
};

const shape = (received: Received[]) => received.map(({ method, path, body }) => ({ method, path, body }));

describe.each(Object.entries(cases))('%s client against its API', (name, test) => {
  let cdn: FakeCdn;
  beforeAll(async () => {
    cdn = await startCdn(test.route, test.limits);
  });
  afterEach(() => cdn.reset());
  afterAll(() => cdn.close());

  it('splits the plan into batches the API accepts, and purges every key', async () => {
    const { clock, sleeps } = fakeClock();
    const result = await test.make(cdn.url, clock).purge(PLAN);
    expect(result.failures).toEqual([]);
    expect(cdn.received).toHaveLength(test.requests);
    expect(result.requests.every((request) => request.outcome === 'purged' && request.attempts === 1)).toBe(true);
    expect(result.requests.filter((r) => r.purges.kind === 'keys').flatMap((r) => r.purges.items)).toEqual(KEYS);
    expect(sleeps).toEqual([]);
  });

  // (Netlify documents no limit, so its fake has none to enforce.)
  for (const [limit, overLimit] of Object.entries(test.overLimits ?? {})) {
    it(`(its fake API does refuse a request over the documented limit: ${limit})`, async () => {
      expect([400, 413]).toContain((await overLimit(cdn.url)).status);
    });
  }

  it('retries 429s as Retry-After says and a 503 with backoff, with no real waiting', async () => {
    const { clock, sleeps } = fakeClock();
    cdn.faults.push(
      { status: 429, headers: { 'retry-after': '2' }, body: '{"message":"rate limited"}' },
      { status: 429, headers: { 'retry-after': new Date(START + 2000 + 3000).toUTCString() } },
      { status: 503, body: 'upstream busy' },
    );
    const result = await test.make(cdn.url, clock).purge(PLAN);
    expect(result.ok).toBe(true);
    expect(sleeps).toEqual([2000, 3000, 4000]);
    expect(result.requests[0]).toMatchObject({ outcome: 'purged', attempts: 4, waitedMs: 9000 });
    expect(cdn.received).toHaveLength(test.requests + 3);
  });

  it('sends the same requests for the same plan twice (purging is idempotent)', async () => {
    const { clock } = fakeClock();
    const purger = test.make(cdn.url, clock);
    const first = await purger.purge(PLAN);
    const sent = shape(cdn.received.splice(0));
    const second = await purger.purge({ ...PLAN, keys: [...KEYS].reverse() });
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(shape(cdn.received)).toEqual(sent);
  });

  it('sends nothing in a dry run, and reports every request it would send', async () => {
    const { clock } = fakeClock();
    const result = await test.make(cdn.url, clock).purge(PLAN, { dryRun: true });
    expect(cdn.received).toEqual([]);
    expect(result.requests).toHaveLength(test.requests);
    expect(new Set(result.requests.map((r) => r.outcome))).toEqual(new Set(['dry-run']));
  });

  it('stops at a refusal, says it is not worth retrying, and lists what was not purged', async () => {
    const { clock } = fakeClock();
    cdn.faults.push({ status: 200 }, { status: 400, body: '{"error":"nope"}' });
    const result = await test.make(cdn.url, clock).purge(PLAN);
    expect(result.ok).toBe(false);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ code: 'rejected', retryable: false });
    expect(result.failures[0]?.message).toContain(`${name}: `);
    expect(cdn.received).toHaveLength(2);
    expect(result.requests.slice(2).every((r) => r.outcome === 'not-sent')).toBe(true);
    expect(result.unpurged.keys.length).toBeGreaterThan(0);
  });
});

describe('soft and hard purges, mapped onto what each CDN has', () => {
  const servers: Record<string, FakeCdn> = {};
  beforeAll(async () => {
    for (const [name, test] of Object.entries(cases)) servers[name] = await startCdn(test.route, test.limits);
  });
  afterEach(() => Object.values(servers).forEach((cdn) => cdn.reset()));
  afterAll(() => Promise.all(Object.values(servers).map((cdn) => cdn.close())));

  const plan: PurgeInput = { keys: ['post-a', 'topic-b'], urls: ['/', '/posts/a', '/posts/new'], urlsWithoutKey: ['/', '/posts/new'] };
  const run = async (name: string, soft: boolean) => {
    const cdn = servers[name] as FakeCdn;
    const result = await (cases[name] as Case).make(cdn.url, fakeClock().clock).purge(plan, { soft });
    return { result, sent: cdn.received.splice(0) };
  };

  it('fastly: Fastly-Soft-Purge: 1 on the key batch and on each URL purge', async () => {
    const { result, sent } = await run('fastly', true);
    expect(sent.map((r) => [r.path, r.headers['fastly-soft-purge'], r.body])).toEqual([
      ['/service/svc/purge', '1', '{"surrogate_keys":["post-a","topic-b"]}'],
      ['/purge/www.example.com/', '1', ''],
      ['/purge/www.example.com/posts/new', '1', ''],
    ]);
    expect([result.ok, result.soft, result.notices]).toEqual([true, true, []]);
    expect((await run('fastly', false)).sent.map((r) => r.headers['fastly-soft-purge'])).toEqual([undefined, undefined, undefined]);
  });

  it('cloudflare: has no soft purge, so purges hard and says so; URLs go as absolute files', async () => {
    const { result, sent } = await run('cloudflare', true);
    expect(sent.map((r) => r.body)).toEqual(['{"tags":["post-a","topic-b"]}', '{"files":["https://www.example.com/","https://www.example.com/posts/new"]}']);
    expect(result.ok).toBe(true);
    expect(result.notices.map((n) => n.code)).toEqual(['soft-unsupported']);
  });

  it('akamai: soft invalidates, hard deletes; tags and URLs in separate requests', async () => {
    expect((await run('akamai', true)).sent.map((r) => [r.path, r.body])).toEqual([
      ['/ccu/v3/invalidate/tag/production', '{"objects":["post-a","topic-b"]}'],
      ['/ccu/v3/invalidate/url/production', '{"objects":["https://www.example.com/","https://www.example.com/posts/new"]}'],
    ]);
    expect((await run('akamai', false)).sent.map((r) => r.path)).toEqual(['/ccu/v3/delete/tag/production', '/ccu/v3/delete/url/production']);
  });

  it('netlify: tags only and hard only; the URLs no key reaches are reported, not silently dropped', async () => {
    const { result, sent } = await run('netlify', true);
    expect(sent.map((r) => r.body)).toEqual(['{"site_id":"site1","cache_tags":["post-a","topic-b"]}']);
    expect(result.ok).toBe(true);
    expect(result.notices.map((n) => n.code)).toEqual(['soft-unsupported', 'urls-not-purged']);
    expect(result.unpurged.urls).toEqual(['/', '/posts/new']);
  });

  it('vercel: soft invalidates, hard dangerously deletes; no purge by URL', async () => {
    const soft = await run('vercel', true);
    expect(soft.sent.map((r) => [r.path, r.body])).toEqual([['/v1/edge-cache/invalidate-by-tags?projectIdOrName=prj_1', '{"tags":["post-a","topic-b"]}']]);
    expect(soft.result.notices.map((n) => n.code)).toEqual(['urls-not-purged']);
    expect((await run('vercel', false)).sent.map((r) => r.path)).toEqual(['/v1/edge-cache/dangerously-delete-by-tags?projectIdOrName=prj_1']);
  });

  it('varnish: xkey-softpurge for keys; URL purges are always hard, and it says so', async () => {
    const { result, sent } = await run('varnish', true);
    expect(sent.map((r) => [r.method, r.path, r.headers['xkey-softpurge']])).toEqual([
      ['PURGE', '/', 'post-a topic-b'],
      ['PURGE', '/', undefined],
      ['PURGE', '/posts/new', undefined],
    ]);
    expect(result.notices.map((n) => n.code)).toEqual(['hard-url-purge']);
    expect((await run('varnish', false)).sent[0]?.headers['xkey-purge']).toBe('post-a topic-b');
  });
});

describe('cloudflare specifics', () => {
  let cdn: FakeCdn;
  beforeAll(async () => {
    cdn = await startCdn(cloudflare, cloudflareLimits('free'));
  });
  afterEach(() => cdn.reset());
  afterAll(() => cdn.close());

  it('purges prefixes, at most 30 a request, as host/path without a scheme', async () => {
    const prefixes = [...Array.from({ length: 30 }, (_, i) => `/topics/t${String(i).padStart(2, '0')}/`), 'https://static.example.com/assets/'];
    const result = await cloudflarePurger({ zoneId: 'zone1', token: 'cf-token', apiBase: cdn.url, siteUrl: SITE, clock: fakeClock().clock }).purge({ keys: [], urls: [], urlsWithoutKey: [], prefixes });
    expect(result.ok).toBe(true);
    expect(cdn.received.map((r) => (parse(r.body)['prefixes'] as string[]).length)).toEqual([30, 1]);
    expect(parse(cdn.received[1]?.body ?? '')['prefixes']).toEqual(['www.example.com/topics/t29/']);
    expect(parse(cdn.received[0]?.body ?? '')['prefixes']).toContain('static.example.com/assets/');
  });

  it('reads a 200 that says "success": false as a refusal', async () => {
    cdn.faults.push(json(200, { success: false, errors: [{ code: 1134, message: 'Zone purge is disabled' }] }));
    const result = await cloudflarePurger({ zoneId: 'zone1', token: 'cf-token', apiBase: cdn.url, clock: fakeClock().clock }).purge({ keys: ['a'], urls: [] });
    expect(result.failures).toEqual([{ code: 'rejected', message: `cloudflare: POST ${cdn.url}/zones/zone1/purge_cache answered 200 but refused: 1134 Zone purge is disabled`, retryable: false }]);
  });
});

describe('akamai specifics', () => {
  let cdn: FakeCdn;
  beforeAll(async () => {
    cdn = await startCdn(akamai, AKAMAI_LIMITS);
  });
  afterEach(() => cdn.reset());
  afterAll(() => cdn.close());

  it('signs every attempt afresh with an injected signer, so no crypto is forced on the caller', async () => {
    const signed: string[] = [];
    const builtIn = edgeGridSigner(AKAMAI);
    const sign = async (request: Parameters<typeof builtIn>[0]) => {
      signed.push(`${request.method} ${new URL(request.url).pathname} ${request.body}`);
      return builtIn(request);
    };
    cdn.faults.push({ status: 503 });
    const result = await akamaiPurger({ host: cdn.url, sign, clock: fakeClock().clock, network: 'staging' }).purge({ keys: ['post-a'], urls: [] });
    expect(result.ok).toBe(true);
    expect(signed).toEqual(['POST /ccu/v3/delete/tag/staging {"objects":["post-a"]}', 'POST /ccu/v3/delete/tag/staging {"objects":["post-a"]}']);
    expect(result.requests[0]?.headers['authorization']).toBe('[redacted]');
  });

  it('reports a signer that throws, and a missing signer, as failures', async () => {
    const failing = await akamaiPurger({ host: cdn.url, sign: () => Promise.reject(new Error('vault sealed')), clock: fakeClock().clock }).purge({ keys: ['a'], urls: [] });
    expect(failing.failures).toEqual([{ code: 'signing-failed', message: `akamai: POST ${cdn.url}/ccu/v3/delete/tag/production: the signer failed (vault sealed)`, retryable: false }]);
    const unsigned = await akamaiPurger({ host: cdn.url }).purge({ keys: ['a'], urls: [] });
    expect(unsigned.failures[0]?.code).toBe('invalid-input');
    expect(cdn.received).toEqual([]);
  });

  it('leaves out tags longer than Akamai takes, and says so', async () => {
    const result = await akamaiPurger({ host: cdn.url, credentials: AKAMAI, clock: fakeClock().clock }).purge({ keys: ['ok', 'x'.repeat(129)], urls: [] });
    expect(result.ok).toBe(true);
    expect(result.notices).toMatchObject([{ code: 'key-skipped', items: ['x'.repeat(129)] }]);
    expect(cdn.received.map((r) => r.body)).toEqual(['{"objects":["ok"]}']);
  });
});

describe('limits on a key, kept by the client', () => {
  it('fastly: leaves out a key over 1,024 bytes, which its API refuses, and says so', async () => {
    const cdn = await startCdn(fastly);
    try {
      const long = 'é'.repeat(513);
      const result = await fastlyPurger({ serviceId: 'svc', token: 'fastly-token', apiBase: cdn.url, clock: fakeClock().clock }).purge({ keys: ['ok', long], urls: [] });
      expect([result.ok, result.failures]).toEqual([true, []]);
      expect(result.notices).toMatchObject([{ code: 'key-skipped', items: [long] }]);
      expect(cdn.received.map((r) => r.body)).toEqual(['{"surrogate_keys":["ok"]}']);
    } finally {
      await cdn.close();
    }
  });

  it('vercel: ends a request before its tags pass 8,196 characters in all, which its API refuses, well before 128 tags', async () => {
    const cdn = await startCdn(vercel);
    try {
      const tags = Array.from({ length: 100 }, (_, i) => `tag-${String(i).padStart(3, '0')}-`.padEnd(200, 'x'));
      const result = await vercelPurger({ projectId: 'prj_1', token: 'vc-token', apiBase: cdn.url, clock: fakeClock().clock }).purge({ keys: tags, urls: [] });
      expect(result.failures).toEqual([]);
      // 40 tags of 200 characters and 39 commas are 8,039 characters; a 41st would make 8,240.
      expect(cdn.received.map((r) => (parse(r.body)['tags'] as string[]).length)).toEqual([40, 40, 20]);
      expect(cdn.received.map((r) => (parse(r.body)['tags'] as string[]).join(',').length <= 8196)).toEqual([true, true, true]);
    } finally {
      await cdn.close();
    }
  });
});
