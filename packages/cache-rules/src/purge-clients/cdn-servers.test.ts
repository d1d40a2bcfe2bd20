import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { akamaiPurger } from './akamai.ts';
import { cloudflarePurger } from './cloudflare.ts';
import { edgeGridSigner } from './edgegrid.ts';
import { fastlyPurger } from './fastly.ts';
import { netlifyPurger } from './netlify.ts';
import type { Purger, PurgeInput } from './types.ts';
import { varnishPurger } from './varnish.ts';
import { vercelPurger } from './vercel.ts';

// Each client against a local server that speaks its CDN's API and enforces the documented limits
// the client cites (an over-size batch gets the CDN's 400 or 413), answers 429 with Retry-After and
// 5xx when told to, and records every request. Time is a fake clock: no test really waits.

const START = Date.parse('2026-12-02T00:00:00Z');
const SITE = 'https://www.example.com';
const AKAMAI = { clientToken: 'akab-client', clientSecret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=', accessToken: 'akab-access' };

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });
const parse = (body: string): Record<string, unknown> => {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return {};
  }
};
const strings = (value: unknown): string[] | undefined => (Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined);

// Fastly: https://www.fastly.com/documentation/reference/api/purging/
function fastly(req: Received): Answer {
  if (req.headers['fastly-key'] !== 'fastly-token') return json(401, { msg: 'Provided credentials are missing or invalid' });
  if (req.method === 'POST' && req.path === '/service/svc/purge') {
    const keys = strings(parse(req.body)['surrogate_keys']);
    if (!keys || keys.length === 0) return json(400, { msg: 'surrogate_keys is required' });
    if (keys.length > 256) return json(400, { msg: `at most 256 keys per batch, got ${keys.length}` });
    return json(200, Object.fromEntries(keys.map((key, i) => [key, `108-1391560174-${i}`])));
  }
  if (req.method === 'POST' && /^\/purge\/[^/]+\//.test(req.path)) return json(200, { status: 'ok', id: '108-1391560174-974124' });
  return json(404, { msg: 'Record not found' });
}

// Cloudflare: https://developers.cloudflare.com/api/resources/cache/methods/purge/
function cloudflare(req: Received): Answer {
  const refuse = (code: number, message: string) => json(400, { success: false, errors: [{ code, message }], messages: [], result: null });
  if (req.headers.authorization !== 'Bearer cf-token') return json(403, { success: false, errors: [{ code: 10000, message: 'Authentication error' }] });
  if (req.method !== 'POST' || req.path !== '/zones/zone1/purge_cache') return json(404, { success: false, errors: [{ code: 7003, message: 'No route' }] });
  const body = parse(req.body);
  const kinds = ['tags', 'files', 'prefixes', 'hosts'].filter((kind) => kind in body);
  if (kinds.length !== 1) return refuse(1012, 'one purge type per request');
  const kind = kinds[0] as string;
  const items = strings(body[kind]);
  if (!items) return refuse(1012, `${kind} must be a list of strings`);
  const max = kind === 'prefixes' ? 30 : 100;
  if (items.length > max) return refuse(1073, `${items.length} ${kind} is more than the ${max} allowed in one request`);
  if (kind === 'files' && !items.every((file) => /^https?:\/\//.test(file))) return refuse(1012, 'files must be absolute URLs');
  if (kind === 'prefixes' && items.some((prefix) => /^https?:/.test(prefix))) return refuse(1012, 'prefixes have no scheme');
  return json(200, { success: true, errors: [], messages: [], result: { id: 'purge-id' } });
}

// Akamai Fast Purge v3: https://techdocs.akamai.com/purge-cache/reference/api-summary
async function akamai(req: Received, base: string): Promise<Answer> {
  const problem = (status: number, title: string) => json(status, { httpStatus: status, title, detail: title, supportId: '17PY1' });
  if (Buffer.byteLength(req.body) > 50_000) return problem(413, 'Request entity too large: the maximum message body size is 50,000 bytes');
  const auth = /^EG1-HMAC-SHA256 client_token=([^;]*);access_token=([^;]*);timestamp=(\d{8}T\d\d:\d\d:\d\d\+0000);nonce=([^;]*);signature=(.*)$/.exec(req.headers.authorization ?? '');
  if (!auth) return problem(401, 'The request requires authentication');
  const [, , , timestamp = '', nonce = ''] = auth;
  const at = new Date(`${timestamp.slice(0, 4)}-${timestamp.slice(4, 6)}-${timestamp.slice(6, 8)}T${timestamp.slice(9, 17)}Z`);
  const expected = await edgeGridSigner(AKAMAI, { now: () => at, nonce: () => nonce })({ method: req.method, url: `${base}${req.path}`, headers: {}, body: req.body });
  if (expected !== req.headers.authorization) return problem(401, 'Invalid signature');
  const route = /^\/ccu\/v3\/(invalidate|delete)\/(tag|url)\/(production|staging)$/.exec(req.path);
  if (req.method !== 'POST' || !route) return problem(404, 'Not found');
  const objects = strings(parse(req.body)['objects']);
  if (!objects || objects.length === 0) return problem(400, 'objects is required');
  if (route[2] === 'tag' && objects.some((tag) => tag.length > 128)) return problem(400, 'a cache tag is at most 128 characters');
  if (route[2] === 'url' && !objects.every((url) => /^https?:\/\//.test(url))) return problem(400, 'URLs must be absolute');
  return json(201, { httpStatus: 201, detail: 'Request accepted', estimatedSeconds: 5, purgeId: 'e535071c-26b2-11e7-94d7-276f2f54d938', supportId: '17PY1492793544958045-219026624' });
}

// Netlify: the purge API behind `purgeCache` (no limits documented).
function netlify(req: Received): Answer {
  if (req.headers.authorization !== 'Bearer nf-token') return json(401, { code: 401, message: 'Access Denied' });
  if (req.method !== 'POST' || req.path !== '/api/v1/purge') return json(404, { code: 404, message: 'Not Found' });
  const body = parse(req.body);
  if (body['site_id'] !== 'site1' || !strings(body['cache_tags'])) return json(400, { code: 400, message: 'site_id and cache_tags are required' });
  return { status: 202 };
}

// Vercel: https://vercel.com/docs/rest-api/edge-cache/invalidate-by-tag
function vercel(req: Received): Answer {
  if (req.headers.authorization !== 'Bearer vc-token') return json(403, { error: { code: 'forbidden', message: 'Not authorized' } });
  const url = new URL(req.path, 'http://vercel');
  if (req.method !== 'POST' || !/^\/v1\/edge-cache\/(invalidate-by-tags|dangerously-delete-by-tags)$/.test(url.pathname) || url.searchParams.get('projectIdOrName') !== 'prj_1') {
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  }
  const tags = strings(parse(req.body)['tags']);
  if (!tags || tags.some((tag) => tag.length > 256)) return json(400, { error: { code: 'bad_request', message: 'tags: each at most 256 characters' } });
  return json(200, {});
}

// Varnish with the example VCL: a request header line over http_req_hdr_len (8192) is a 400.
function varnish(req: Received): Answer {
  for (const [name, value] of Object.entries(req.headers)) {
    if (`${name}: ${String(value)}`.length > 8192) return { status: 400, body: 'Bad Request' };
  }
  if (req.method !== 'PURGE') return { status: 405 };
  const keys = req.headers['xkey-purge'] ?? req.headers['xkey-softpurge'];
  if (typeof keys === 'string') return { status: 200, body: `${req.headers['xkey-purge'] ? 'Invalidated' : 'Soft-invalidated'} ${keys.split(' ').length} objects\n` };
  return { status: 200, body: 'Purged\n' };
}

interface FakeCdn {
  url: string;
  received: Received[];
  /** Answers given, in order, before the API's own: 429s, 503s. */
  faults: Answer[];
  reset(): void;
  close(): Promise<void>;
}

async function startCdn(route: (req: Received, base: string) => Answer | Promise<Answer>): Promise<FakeCdn> {
  const received: Received[] = [];
  const faults: Answer[] = [];
  let base = '';
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
    received.push(request);
    const answer = faults.shift() ?? (await route(request, base));
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    received,
    faults,
    reset: () => void (received.splice(0), faults.splice(0)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function fakeClock() {
  let now = START;
  const sleeps: number[] = [];
  return { sleeps, clock: { now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)) } };
}
type Clock = ReturnType<typeof fakeClock>['clock'];

// A plan bigger than every API takes in one request: 1,200 keys of about 50 bytes, 150 new URLs.
const KEYS = Array.from({ length: 1200 }, (_, i) => `post-${String(i).padStart(4, '0')}-a-rather-long-generated-slug-here`);
const URLS = Array.from({ length: 150 }, (_, i) => `/posts/new-${String(i).padStart(3, '0')}`);
const PLAN: PurgeInput = { keys: KEYS, urls: ['/', ...URLS], urlsWithoutKey: URLS };

interface Case {
  route: (req: Received, base: string) => Answer | Promise<Answer>;
  make(url: string, clock: Clock): Purger;
  /** How many requests PLAN takes, within the API's limits. */
  requests: number;
  /** A request just over a documented limit, which the fake must refuse. */
  overLimit?: (url: string) => Promise<Response>;
}

const retry = { timeoutMs: 5000 };
const cases: Record<string, Case> = {
  fastly: {
    route: fastly,
    make: (url, clock) => fastlyPurger({ serviceId: 'svc', token: 'fastly-token', apiBase: url, siteUrl: SITE, clock, retry }),
    requests: 5 + 150, // 256 + 256 + 256 + 256 + 176 keys, then one purge per URL
    overLimit: (url) => fetch(`${url}/service/svc/purge`, { method: 'POST', headers: { 'fastly-key': 'fastly-token' }, body: JSON.stringify({ surrogate_keys: KEYS.slice(0, 257) }) }),
  },
  cloudflare: {
    route: cloudflare,
    make: (url, clock) => cloudflarePurger({ zoneId: 'zone1', token: 'cf-token', apiBase: url, siteUrl: SITE, clock, retry }),
    requests: 12 + 2, // 100 tags a request, then 100 + 50 files
    overLimit: (url) => fetch(`${url}/zones/zone1/purge_cache`, { method: 'POST', headers: { authorization: 'Bearer cf-token' }, body: JSON.stringify({ tags: KEYS.slice(0, 101) }) }),
  },
  akamai: {
    route: akamai,
    make: (url, clock) => akamaiPurger({ host: url, credentials: AKAMAI, siteUrl: SITE, clock, retry }),
    requests: 2 + 1, // 63 KB of tags in two bodies of at most 50,000 bytes, then the URLs in one
    overLimit: async (url) => {
      const body = JSON.stringify({ objects: ['x'.repeat(50_000 - '{"objects":[""]}'.length + 1)] });
      const authorization = await edgeGridSigner(AKAMAI)({ method: 'POST', url: `${url}/ccu/v3/delete/tag/production`, headers: {}, body });
      return fetch(`${url}/ccu/v3/delete/tag/production`, { method: 'POST', headers: { authorization }, body });
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
    overLimit: (url) => fetch(`${url}/v1/edge-cache/invalidate-by-tags?projectIdOrName=prj_1`, { method: 'POST', headers: { authorization: 'Bearer vc-token' }, body: JSON.stringify({ tags: ['x'.repeat(257)] }) }),
  },
  varnish: {
    route: varnish,
    make: (url, clock) => varnishPurger({ url, clock, retry }),
    requests: 7 + 150, // header lines of at most 8,192 bytes, then one PURGE per URL
    overLimit: (url) => fetch(`${url}/`, { method: 'PURGE', headers: { 'xkey-purge': 'k'.repeat(8192 - 'xkey-purge: '.length + 1) } }),
  },
};

const shape = (received: Received[]) => received.map(({ method, path, body }) => ({ method, path, body }));

describe.each(Object.entries(cases))('%s client against its API', (name, test) => {
  let cdn: FakeCdn;
  beforeAll(async () => {
    cdn = await startCdn(test.route);
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
  const overLimit = test.overLimit;
  if (overLimit) {
    it('(its fake API does refuse a request over the documented limit)', async () => {
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
    for (const [name, test] of Object.entries(cases)) servers[name] = await startCdn(test.route);
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
    cdn = await startCdn(cloudflare);
  });
  afterEach(() => cdn.reset());
  afterAll(() => cdn.close());

  it('paces to the plan: Free takes a burst of 25 purges, then 5 a minute', async () => {
    const { clock, sleeps } = fakeClock();
    const keys = Array.from({ length: 2800 }, (_, i) => `k${i}`);
    const result = await cloudflarePurger({ zoneId: 'zone1', token: 'cf-token', apiBase: cdn.url, clock }).purge({ keys, urls: [], urlsWithoutKey: [] });
    expect([result.ok, cdn.received.length]).toEqual([true, 28]);
    expect(sleeps).toEqual([12_000, 12_000, 12_000]);
    const business = fakeClock();
    await cloudflarePurger({ zoneId: 'zone1', token: 'cf-token', apiBase: cdn.url, clock: business.clock, plan: 'business' }).purge({ keys, urls: [], urlsWithoutKey: [] });
    expect(business.sleeps).toEqual([]);
  });

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
    cdn = await startCdn(akamai);
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
