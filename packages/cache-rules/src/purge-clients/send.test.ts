import { describe, expect, it } from 'vitest';
import { batches, normalised } from './batch.ts';
import { dryRunPurger } from './dry-run.ts';
import { fastlyPurger } from './fastly.ts';
import { RateLimiter, retryAfterMs } from './pacing.ts';
import type { Fetch } from './types.ts';
import { varnishPurger } from './varnish.ts';

const START = Date.parse('2026-12-02T00:00:00Z');

/** A clock whose sleep returns at once and moves time on: retries and pacing cost no real time. */
function fakeClock() {
  let now = START;
  const sleeps: number[] = [];
  return { sleeps, clock: { now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)) } };
}

/** A fetch that answers from a list (then 200), and records what it was sent. */
function scripted(answers: (Response | Error)[] = []) {
  const sent: { method: string; url: string; headers: Record<string, string>; body: string }[] = [];
  const fetchImpl: Fetch = async (request) => {
    sent.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() });
    const answer = answers.shift() ?? new Response('{"status":"ok"}');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { sent, fetchImpl };
}

const plan = { keys: ['stack-go', 'post-hello', 'topic-perf', 'post-hello'], urls: ['/posts/hello'], urlsWithoutKey: [] };

describe('retries', () => {
  it('retries 429 and 5xx, waiting as Retry-After says (seconds, then an HTTP date), else backing off', async () => {
    const { clock, sleeps } = fakeClock();
    const { sent, fetchImpl } = scripted([
      new Response('slow down', { status: 429, headers: { 'retry-after': '7' } }),
      new Response('slow down', { status: 429, headers: { 'retry-after': new Date(START + 7000 + 12_000).toUTCString() } }),
      new Response('busy', { status: 503 }),
      new Response('bad gateway', { status: 502 }),
    ]);
    const result = await fastlyPurger({ serviceId: 's', token: 't', fetch: fetchImpl, clock }).purge(plan);
    expect(result.ok).toBe(true);
    // 7 s and 12 s as asked; then 4 s, the backoff after a third attempt (1 s, 2 s, 4 s…).
    expect(sleeps).toEqual([7000, 12_000, 4000, 8000]);
    expect(sent).toHaveLength(5);
    expect(result.requests[0]).toMatchObject({ outcome: 'purged', attempts: 5, status: 200, waitedMs: 31_000 });
  });

  it('retries a request it could not send, and reports one it never could as unreachable, and retryable', async () => {
    const { clock, sleeps } = fakeClock();
    const { fetchImpl } = scripted(Array.from({ length: 3 }, () => new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') })));
    const result = await varnishPurger({ url: 'http://127.0.0.1:9', fetch: fetchImpl, clock, retry: { maxAttempts: 3 } }).purge(plan);
    expect(sleeps).toEqual([1000, 2000]);
    expect(result.failures).toEqual([
      { code: 'unreachable', message: 'varnish: could not reach http://127.0.0.1:9 (fetch failed: connect ECONNREFUSED 127.0.0.1:9) in 3 attempts', retryable: true },
    ]);
  });

  it('gives up after maxAttempts, and on a Retry-After longer than allowed, as retryable failures', async () => {
    const { clock } = fakeClock();
    const busy = await fastlyPurger({ serviceId: 's', token: 't', clock, retry: { maxAttempts: 2 }, fetch: scripted([429, 429].map((status) => new Response('no', { status }))).fetchImpl }).purge(plan);
    expect(busy.failures).toEqual([{ code: 'rate-limited', message: 'fastly: POST https://api.fastly.com/service/s/purge answered 429 to all 2 attempts: no', retryable: true }]);
    const later = await fastlyPurger({ serviceId: 's', token: 't', clock, fetch: scripted([new Response('', { status: 503, headers: { 'retry-after': '3600' } })]).fetchImpl }).purge(plan);
    expect(later.failures).toEqual([
      { code: 'server-error', message: 'fastly: POST https://api.fastly.com/service/s/purge answered 503 and asked to wait 3600 s (Retry-After), more than the 120 s allowed: run the plan again then', retryable: true },
    ]);
    expect(later.requests[0]?.attempts).toBe(1);
  });

  it('does not retry a refusal, stops there, and lists what was not purged', async () => {
    const keys = Array.from({ length: 300 }, (_, i) => `k${String(i).padStart(3, '0')}`);
    const { sent, fetchImpl } = scripted([new Response('{"msg":"Unauthorized"}', { status: 403 })]);
    const result = await fastlyPurger({ serviceId: 's', token: 'bad', fetch: fetchImpl, siteUrl: 'https://www.example.com' }).purge({ keys, urls: ['/new'] });
    expect(sent).toHaveLength(1);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      { code: 'rejected', message: 'fastly: POST https://api.fastly.com/service/s/purge answered 403: {"msg":"Unauthorized"}; the 2 requests after it were not sent', retryable: false },
    ]);
    expect(result.requests.map((r) => r.outcome)).toEqual(['failed', 'not-sent', 'not-sent']);
    expect(result.unpurged).toEqual({ keys, urls: ['https://www.example.com/new'], prefixes: [] });
  });
});

describe('every client', () => {
  it('masks credentials in what it reports, dry run or not', async () => {
    const { fetchImpl } = scripted();
    const result = await fastlyPurger({ serviceId: 's', token: 'secret', fetch: fetchImpl }).purge(plan);
    expect(result.requests[0]?.headers).toEqual({ 'fastly-key': '[redacted]', accept: 'application/json', 'content-type': 'application/json' });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('makes the same requests from the same plan, whatever its order and duplicates', async () => {
    const purger = varnishPurger({ url: 'http://varnish:6081', fetch: scripted().fetchImpl });
    const first = await purger.purge(plan, { dryRun: true });
    const second = await purger.purge({ ...plan, keys: [...plan.keys].reverse() }, { dryRun: true });
    expect(second.requests).toEqual(first.requests);
    expect(first.requests.map((r) => r.headers)).toEqual([{ 'xkey-purge': 'post-hello stack-go topic-perf' }]);
  });

  it('dry-runs: plans every request, sends none', async () => {
    const { sent, fetchImpl } = scripted();
    const purger = fastlyPurger({ serviceId: 's', token: 'secret', fetch: fetchImpl, siteUrl: 'https://www.example.com' });
    const result = await purger.purge({ ...plan, urlsWithoutKey: ['/'] }, { dryRun: true, soft: true });
    expect(sent).toEqual([]);
    expect(result).toMatchObject({ ok: true, dryRun: true, soft: true, failures: [], unpurged: { keys: [], urls: [], prefixes: [] } });
    expect(result.requests.map((r) => [r.method, r.url, r.outcome, r.headers['fastly-soft-purge']])).toEqual([
      ['POST', 'https://api.fastly.com/service/s/purge', 'dry-run', '1'],
      ['POST', 'https://api.fastly.com/purge/www.example.com/', 'dry-run', '1'],
    ]);
    const wrapped = await dryRunPurger(purger).purge(plan);
    expect([wrapped.dryRun, wrapped.requests.length, sent.length]).toEqual([true, 1, 0]);
    expect(await dryRunPurger().purge(plan)).toEqual({ ok: true, purger: 'dry-run', dryRun: true, soft: false, requests: [], failures: [], notices: [], unpurged: { keys: [], urls: [], prefixes: [] } });
  });

  it('refuses to guess a host for a path it must purge by URL', async () => {
    const { sent, fetchImpl } = scripted();
    const result = await fastlyPurger({ serviceId: 's', token: 't', fetch: fetchImpl }).purge({ keys: ['a'], urls: ['/new'], urlsWithoutKey: ['/new'] });
    expect(sent).toEqual([]);
    expect(result.failures).toEqual([
      { code: 'invalid-input', message: 'fastly: "/new" must be purged by URL, and no siteUrl is set to make it absolute (siteUrl: "https://www.example.com"); nothing was sent', retryable: false },
    ]);
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates, and ignores anything else', () => {
    expect(retryAfterMs('0', START)).toBe(0);
    expect(retryAfterMs(' 120 ', START)).toBe(120_000);
    expect(retryAfterMs('Wed, 02 Dec 2026 00:00:30 GMT', START)).toBe(30_000);
    expect(retryAfterMs('Wednesday, 02-Dec-26 00:00:30 GMT', START)).toBe(30_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 00:00:00 GMT', START)).toBe(0);
    for (const junk of [null, undefined, '', '-1', '1.5', 'soon', '2027-01-01']) expect(retryAfterMs(junk, START)).toBeUndefined();
  });
});

describe('pacing', () => {
  it('lets a burst through, then waits for tokens at the refill rate', async () => {
    const { clock, sleeps } = fakeClock();
    const limiter = new RateLimiter({ requests: { capacity: 2, refillPerSecond: 0.5 }, tags: { capacity: 10, refillPerSecond: 1 } });
    expect(await limiter.take({ requests: 1, tags: 4 }, clock)).toBe(0);
    expect(await limiter.take({ requests: 1, tags: 4 }, clock)).toBe(0);
    // No request token (refills in 2 s) and 2 of 4 tags (2 s): wait 2 s.
    expect(await limiter.take({ requests: 1, tags: 4 }, clock)).toBe(2000);
    // A cost larger than the bucket waits for a full bucket rather than forever.
    expect(await limiter.take({ tags: 50 }, clock)).toBe(10_000);
    expect(sleeps).toEqual([2000, 10_000]);
  });
});

describe('batches', () => {
  it('cuts by count and by bytes, never splitting or dropping an item', () => {
    expect(batches(['aa', 'bb', 'cc'], { maxItems: 2 })).toEqual([['aa', 'bb'], ['cc']]);
    // "k: aa bb" is 8 bytes.
    expect(batches(['aa', 'bb', 'cc'], { maxBytes: 8, overhead: 3 })).toEqual([['aa', 'bb'], ['cc']]);
    expect(batches(['a-very-long-key', 'b'], { maxBytes: 5 })).toEqual([['a-very-long-key'], ['b']]);
    expect(batches(['é'], { maxBytes: 1 })).toEqual([['é']]);
    expect(batches([], { maxItems: 10 })).toEqual([]);
    expect(normalised(['b', 'a', '', 'b'])).toEqual(['a', 'b']);
  });
});

describe('never throws', () => {
  it('reports a header value fetch cannot send, and a clock that throws, as failures', async () => {
    const badToken = await fastlyPurger({ serviceId: 's', token: 'tok\u2026en', fetch: scripted().fetchImpl }).purge(plan);
    expect(badToken.failures[0]).toMatchObject({ code: 'invalid-input', retryable: false });
    const clock = { now: () => START, sleep: () => Promise.reject(new Error('clock broke')) };
    const broken = await fastlyPurger({ serviceId: 's', token: 't', clock, fetch: scripted([new Response('', { status: 503 })]).fetchImpl }).purge(plan);
    expect(broken.failures).toEqual([{ code: 'invalid-input', message: 'fastly: POST https://api.fastly.com/service/s/purge: clock broke', retryable: false }]);
  });
});
