import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { edgeGridSigner } from '../src/purge-clients/edgegrid.ts';
import type { PurgeClock } from '../src/purge-clients/types.ts';

// Local servers that speak each CDN's purge API for the purge clients' tests. Each enforces the
// documented limits its client cites: an over-size request gets the CDN's 400 or 413, and where a
// rate limit is documented (Cloudflare, Akamai) a request beyond it gets the CDN's 429, with
// Retry-After where the CDN sends one. Time is the fake clock the test hands the client: no test
// really waits.

export const START = Date.parse('2026-12-02T00:00:00Z');
export const SITE = 'https://www.example.com';
export const AKAMAI = { clientToken: 'akab-client', clientSecret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=', accessToken: 'akab-access' };

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
export interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}
export type Route = (req: Received, base: string) => Answer | Promise<Answer>;

export const json = (status: number, value: unknown, headers?: Record<string, string>): Answer => ({ status, body: JSON.stringify(value), ...(headers ? { headers } : {}) });
export const parse = (body: string): Record<string, unknown> => {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return {};
  }
};
const strings = (value: unknown): string[] | undefined => (Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined);

// The time the fake APIs see: the clock of the client under test, which the last fakeClock() made.
let now = () => START;

/** A clock for the client under test, which the fake APIs' rate limits also read. */
export function fakeClock() {
  let at = START;
  const sleeps: number[] = [];
  const clock: PurgeClock = { now: () => at, sleep: async (ms: number) => void (sleeps.push(ms), (at += ms)) };
  now = clock.now;
  return { sleeps, clock };
}

/** A documented rate limit on the server's side: `per` tokens refilled every `everyMs`, up to `capacity`. */
interface Bucket {
  capacity: number;
  per: number;
  everyMs: number;
}
export interface RateLimits {
  buckets: Record<string, Bucket>;
  /** Tokens a request takes from each bucket. */
  cost(req: Received): Record<string, number>;
  /** The CDN's answer to a request its buckets cannot pay for: `seconds` until they can. */
  refuse(seconds: number, bucket: string): Answer;
}

// Fastly: https://www.fastly.com/documentation/reference/api/purging/ (256 keys a batch) and
// https://www.fastly.com/documentation/reference/http/http-headers/Surrogate-Key/ (1,024 bytes a key).
export function fastly(req: Received): Answer {
  if (req.headers['fastly-key'] !== 'fastly-token') return json(401, { msg: 'Provided credentials are missing or invalid' });
  if (req.method === 'POST' && req.path === '/service/svc/purge') {
    const keys = strings(parse(req.body)['surrogate_keys']);
    if (!keys || keys.length === 0) return json(400, { msg: 'surrogate_keys is required' });
    if (keys.length > 256) return json(400, { msg: `at most 256 keys per batch, got ${keys.length}` });
    const long = keys.find((key) => Buffer.byteLength(key) > 1024);
    if (long !== undefined) return json(400, { msg: `a surrogate key is at most 1024 bytes, got ${Buffer.byteLength(long)}` });
    return json(200, Object.fromEntries(keys.map((key, i) => [key, `108-1391560174-${i}`])));
  }
  if (req.method === 'POST' && /^\/purge\/[^/]+\//.test(req.path)) return json(200, { status: 'ok', id: '108-1391560174-974124' });
  return json(404, { msg: 'Record not found' });
}

// Cloudflare: https://developers.cloudflare.com/api/resources/cache/methods/purge/
export function cloudflare(req: Received): Answer {
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

/**
 * Cloudflare's purge rate limit for an account on `plan`: a bucket of requests (Free 25, refilled
 * 5 a minute; Business 50, refilled 10 a second), and over it a 429 whose Retry-After is the
 * seconds until the next request can go, rounded up.
 * https://developers.cloudflare.com/cache/how-to/purge-cache/#availability-and-limits
 * https://developers.cloudflare.com/fundamentals/api/reference/limits/
 */
export function cloudflareLimits(plan: 'free' | 'business'): RateLimits {
  const requests = plan === 'free' ? { capacity: 25, per: 5, everyMs: 60_000 } : { capacity: 50, per: 10, everyMs: 1000 };
  return {
    buckets: { requests },
    cost: () => ({ requests: 1 }),
    refuse: (seconds) => json(429, { success: false, errors: [{ code: 971, message: 'Please wait and consider throttling your request speed' }] }, { 'retry-after': String(seconds) }),
  };
}

// Akamai Fast Purge v3: https://techdocs.akamai.com/purge-cache/reference/api-summary
export async function akamai(req: Received, base: string): Promise<Answer> {
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

/**
 * Akamai's token buckets, per account: 100 requests refilled 50 a second, 10,000 URLs refilled
 * 12,000 a minute, 5,000 cache tags refilled 500 a minute; a request takes one request token and
 * one object token per object, all or none. Over them, a 429 with no Retry-After (the docs say to
 * wait and retry once there are enough tokens).
 * https://techdocs.akamai.com/purge-cache/reference/rate-limiting
 * https://techdocs.akamai.com/purge-cache/reference/rate-limit-response-examples
 */
export const AKAMAI_LIMITS: RateLimits = {
  buckets: { requests: { capacity: 100, per: 50, everyMs: 1000 }, urls: { capacity: 10_000, per: 12_000, everyMs: 60_000 }, tags: { capacity: 5_000, per: 500, everyMs: 60_000 } },
  cost: (req) => {
    const kind = /\/(tag|url)\/[a-z]+$/.exec(req.path)?.[1];
    const objects = strings(parse(req.body)['objects'])?.length ?? 0;
    return { requests: 1, ...(kind === undefined ? {} : { [`${kind}s`]: objects }) };
  },
  refuse: (_seconds, bucket) => json(429, { title: bucket === 'requests' ? 'Rate Limit exceeded' : `${bucket === 'tags' ? 'Cache Tag' : 'URL'} Rate Limit exceeded`, httpStatus: 429 }, { 'x-ratelimit-remaining': '0' }),
};

// Netlify: the purge API behind `purgeCache` (no limits documented).
export function netlify(req: Received): Answer {
  if (req.headers.authorization !== 'Bearer nf-token') return json(401, { code: 401, message: 'Access Denied' });
  if (req.method !== 'POST' || req.path !== '/api/v1/purge') return json(404, { code: 404, message: 'Not Found' });
  const body = parse(req.body);
  if (body['site_id'] !== 'site1' || !strings(body['cache_tags'])) return json(400, { code: 400, message: 'site_id and cache_tags are required' });
  return { status: 202 };
}

// Vercel: https://vercel.com/docs/rest-api/edge-cache/invalidate-by-tag (each tag at most 256
// characters, all of them joined by commas at most 8,196).
export function vercel(req: Received): Answer {
  if (req.headers.authorization !== 'Bearer vc-token') return json(403, { error: { code: 'forbidden', message: 'Not authorized' } });
  const url = new URL(req.path, 'http://vercel');
  if (req.method !== 'POST' || !/^\/v1\/edge-cache\/(invalidate-by-tags|dangerously-delete-by-tags)$/.test(url.pathname) || url.searchParams.get('projectIdOrName') !== 'prj_1') {
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  }
  const tags = strings(parse(req.body)['tags']);
  if (!tags || tags.some((tag) => tag.length > 256)) return json(400, { error: { code: 'bad_request', message: 'tags: each at most 256 characters' } });
  if (tags.join(',').length > 8196) return json(400, { error: { code: 'bad_request', message: 'tags: at most 8196 characters in all' } });
  return json(200, {});
}

// Varnish with the example VCL: a request header line over http_req_hdr_len (8192) is a 400.
export function varnish(req: Received): Answer {
  for (const [name, value] of Object.entries(req.headers)) {
    if (`${name}: ${String(value)}`.length > 8192) return { status: 400, body: 'Bad Request' };
  }
  if (req.method !== 'PURGE') return { status: 405 };
  const keys = req.headers['xkey-purge'] ?? req.headers['xkey-softpurge'];
  if (typeof keys === 'string') return { status: 200, body: `${req.headers['xkey-purge'] ? 'Invalidated' : 'Soft-invalidated'} ${keys.split(' ').length} objects\n` };
  return { status: 200, body: 'Purged\n' };
}

/** The server side of `limits`: whether a request may go now, taking its tokens when it may. */
function tokenBuckets(limits: RateLimits) {
  const state = new Map<string, { tokens: number; at: number }>();
  return {
    reset: () => state.clear(),
    refusal(req: Received): Answer | undefined {
      const at = now();
      const cost = limits.cost(req);
      let waitMs = 0;
      let short: string | undefined;
      for (const [name, bucket] of Object.entries(limits.buckets)) {
        const held = state.get(name) ?? { tokens: bucket.capacity, at };
        // A test that starts a new clock starts again at START: time never runs backwards here.
        held.tokens = Math.min(bucket.capacity, held.tokens + (Math.max(0, at - held.at) * bucket.per) / bucket.everyMs);
        held.at = at;
        state.set(name, held);
        const need = cost[name] ?? 0;
        const ms = need > held.tokens ? ((need - held.tokens) * bucket.everyMs) / bucket.per : 0;
        if (ms > waitMs) [waitMs, short] = [ms, name];
      }
      // A refused request takes no tokens.
      if (short !== undefined) return limits.refuse(Math.ceil(waitMs / 1000), short);
      for (const [name, held] of state) held.tokens -= cost[name] ?? 0;
      return undefined;
    },
  };
}

export interface FakeCdn {
  url: string;
  received: Received[];
  /** Answers given, in order, before the API's own: 429s, 503s. */
  faults: Answer[];
  /** How many requests its rate limits refused. */
  refused(): number;
  reset(): void;
  close(): Promise<void>;
}

/** Starts a fake API on 127.0.0.1: scripted faults first, then its rate limits, then `route`. */
export async function startCdn(route: Route, limits?: RateLimits): Promise<FakeCdn> {
  const received: Received[] = [];
  const faults: Answer[] = [];
  const buckets = limits === undefined ? undefined : tokenBuckets(limits);
  let refused = 0;
  let base = '';
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
    received.push(request);
    const limited = faults.length > 0 ? undefined : buckets?.refusal(request);
    if (limited) refused += 1;
    const answer = faults.shift() ?? limited ?? (await route(request, base));
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    received,
    faults,
    refused: () => refused,
    reset: () => void (received.splice(0), faults.splice(0), buckets?.reset(), (refused = 0)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
