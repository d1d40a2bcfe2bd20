import { describe, expect, it } from 'vitest';
import { cloudflarePurger } from './cloudflare.ts';
import { dryRunPurger } from './dry-run.ts';
import { fastlyPurger } from './fastly.ts';
import type { Fetch } from './purger.ts';
import { purgerFromEnv } from './purger-from-env.ts';
import { batches } from './send-purge.ts';
import { varnishPurger } from './varnish.ts';

const plan = { keys: ['post-hello', 'topic-perf', 'stack-go'], urls: ['/posts/hello'] };

/** A fetch that records what it was sent and answers from a list. */
function recorder(answers: (Response | Error)[] = []) {
  const sent: { method: string; url: string; headers: Record<string, string>; body: string }[] = [];
  const fetchImpl: Fetch = async (request) => {
    sent.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() });
    const answer = answers.shift() ?? new Response('{"status":"ok"}');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { sent, fetchImpl };
}

describe('Fastly purger', () => {
  it('sends one bulk purge with the keys in Surrogate-Key and the token in Fastly-Key', async () => {
    const { sent, fetchImpl } = recorder([new Response('{"post-hello":"108-1391560174-974124"}')]);
    const result = await fastlyPurger({ serviceId: 'SU1Z0isxPaozGVKXdv0eY', token: 'secret', fetch: fetchImpl }).purge(plan);
    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'https://api.fastly.com/service/SU1Z0isxPaozGVKXdv0eY/purge',
        headers: { accept: 'application/json', 'fastly-key': 'secret', 'surrogate-key': 'post-hello topic-perf stack-go' },
        body: '',
      },
    ]);
    expect(result.ok).toBe(true);
    expect(result.requests[0]?.headers['fastly-key']).toBe('[redacted]');
    expect(result.responses[0]?.status).toBe(200);
  });

  it('asks for a soft purge when told, and splits more than 256 keys into batches', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `post-${i}`);
    const requests = fastlyPurger({ serviceId: 's', token: 't', soft: true }).requests({ keys, urls: [] });
    expect(requests.map((r) => r.headers.get('surrogate-key')?.split(' ').length)).toEqual([256, 44]);
    expect(requests.map((r) => r.headers.get('fastly-soft-purge'))).toEqual(['1', '1']);
  });
});

describe('Cloudflare purger', () => {
  it('posts the keys as tags to the zone\'s purge_cache with a Bearer token', async () => {
    const { sent, fetchImpl } = recorder([new Response('{"success":true,"errors":[],"messages":[],"result":{"id":"abc"}}')]);
    const result = await cloudflarePurger({ zoneId: '023e105f4ecef8ad9ca31a8372d0c353', token: 'secret', fetch: fetchImpl }).purge(plan);
    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache',
        headers: { authorization: 'Bearer secret', 'content-type': 'application/json' },
        body: '{"tags":["post-hello","topic-perf","stack-go"]}',
      },
    ]);
    expect(result.ok).toBe(true);
    expect(result.requests[0]).toEqual({ method: 'POST', url: sent[0]?.url, headers: { authorization: '[redacted]', 'content-type': 'application/json' }, body: sent[0]?.body });
  });

  it('sends at most 100 tags per call', () => {
    const keys = Array.from({ length: 250 }, (_, i) => `post-${i}`);
    const bodies = cloudflarePurger({ zoneId: 'z', token: 't' }).requests({ keys, urls: [] });
    expect(bodies.length).toBe(3);
  });
});

describe('Varnish purger', () => {
  it('sends PURGE with the keys in xkey-purge, as varnish/default.vcl expects', async () => {
    const { sent, fetchImpl } = recorder([new Response('Invalidated 3 objects\n')]);
    const result = await varnishPurger({ url: 'http://127.0.0.1:6081', fetch: fetchImpl }).purge(plan);
    expect(sent).toEqual([{ method: 'PURGE', url: 'http://127.0.0.1:6081/', headers: { 'xkey-purge': 'post-hello topic-perf stack-go' }, body: '' }]);
    expect(result).toMatchObject({ ok: true, purger: 'varnish', dryRun: false, responses: [{ status: 200, body: 'Invalidated 3 objects\n' }] });
  });

  it('purges each URL no key reaches by URL, after the keys', () => {
    const requests = varnishPurger({ url: 'http://127.0.0.1:6081' }).requests({ ...plan, urlsWithoutKey: ['/', '/posts/new'] });
    expect(requests.map((request) => [request.method, request.url, request.headers.get('xkey-purge')])).toEqual([
      ['PURGE', 'http://127.0.0.1:6081/', 'post-hello topic-perf stack-go'],
      ['PURGE', 'http://127.0.0.1:6081/', null],
      ['PURGE', 'http://127.0.0.1:6081/posts/new', null],
    ]);
  });

  it('uses xkey-softpurge for a soft purge, and keeps each header line under Varnish\'s limit', () => {
    const keys = Array.from({ length: 400 }, (_, i) => `post-a-rather-long-generated-slug-${i}`);
    const requests = varnishPurger({ url: 'http://varnish:6081', soft: true }).requests({ keys, urls: [] });
    expect(requests.length).toBeGreaterThan(1);
    for (const request of requests) expect((request.headers.get('xkey-softpurge') ?? '').length).toBeLessThanOrEqual(4000);
    expect(requests.flatMap((request) => request.headers.get('xkey-softpurge')?.split(' '))).toEqual(keys);
  });
});

describe('failures are data', () => {
  it('reports a refusal, says whether a retry can help, and stops there', async () => {
    const { sent, fetchImpl } = recorder([new Response('{"msg":"Unauthorized"}', { status: 403 })]);
    const keys = Array.from({ length: 300 }, (_, i) => `k${i}`);
    const result = await fastlyPurger({ serviceId: 's', token: 'bad', fetch: fetchImpl }).purge({ keys, urls: [] });
    expect(sent.length).toBe(1);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toEqual({
      code: 'purge-rejected',
      message: 'fastly: POST https://api.fastly.com/service/s/purge answered 403, expected 2xx: {"msg":"Unauthorized"}',
      retryable: false,
    });
  });

  it('marks a busy CDN and an unreachable one as worth retrying', async () => {
    const busy = await cloudflarePurger({ zoneId: 'z', token: 't', fetch: recorder([new Response('slow down', { status: 429 })]).fetchImpl }).purge(plan);
    expect(busy.ok ? undefined : busy.failure.retryable).toBe(true);
    const down = await varnishPurger({ url: 'http://127.0.0.1:9', fetch: recorder([new TypeError('fetch failed')]).fetchImpl }).purge(plan);
    expect(down.ok ? undefined : down.failure).toEqual({ code: 'purge-unreachable', message: 'varnish: could not reach http://127.0.0.1:9 (fetch failed); nothing after this request was sent', retryable: true });
  });
});

describe('dry run', () => {
  it('sends nothing and reports what the real purger would send, without its credentials', async () => {
    const { sent, fetchImpl } = recorder();
    const result = await dryRunPurger(fastlyPurger({ serviceId: 's', token: 'secret', fetch: fetchImpl })).purge(plan);
    expect(sent).toEqual([]);
    expect(result).toEqual({
      ok: true,
      purger: 'dry-run:fastly',
      dryRun: true,
      requests: [{ method: 'POST', url: 'https://api.fastly.com/service/s/purge', headers: { accept: 'application/json', 'fastly-key': '[redacted]', 'surrogate-key': 'post-hello topic-perf stack-go' } }],
      responses: [],
    });
  });

  it('is what the environment gets unless PURGE_DRY_RUN=0', () => {
    expect(purgerFromEnv({}).name).toBe('dry-run');
    expect(purgerFromEnv({ PURGER: 'varnish' }).name).toBe('dry-run:varnish');
    expect(purgerFromEnv({ PURGER: 'varnish', PURGE_DRY_RUN: '0' }).name).toBe('varnish');
    expect(() => purgerFromEnv({ PURGER: 'fastly' })).toThrow('PURGER=fastly needs FASTLY_SERVICE_ID');
    expect(() => purgerFromEnv({ PURGER: 'akamai' })).toThrow('PURGER must be fastly, cloudflare, varnish or none; found "akamai"');
  });
});

describe('batches', () => {
  it('cuts by count and by joined length, never splitting a key', () => {
    expect(batches(['aa', 'bb', 'cc'], 2)).toEqual([['aa', 'bb'], ['cc']]);
    expect(batches(['aa', 'bb', 'cc'], 10, 5)).toEqual([['aa', 'bb'], ['cc']]);
    expect(batches(['a-very-long-key'], 10, 5)).toEqual([['a-very-long-key']]);
    expect(batches([], 10)).toEqual([]);
  });
});
