import { afterEach, describe, expect, it } from 'vitest';
import { AKAMAI, AKAMAI_LIMITS, akamai, cloudflare, cloudflareLimits, fakeClock, startCdn, type FakeCdn } from '../../test/fake-cdns.ts';
import { akamaiPurger } from './akamai.ts';
import { cloudflarePurger } from './cloudflare.ts';
import type { PurgeInput, PurgeResult } from './types.ts';

// The documented rate limits, enforced by the fake APIs themselves (test/fake-cdns.ts): a client
// paced to them is never refused, and one that is not (pacing off, or paced for a faster plan than
// the account has) is answered 429 by the fake and still finishes the plan. Fake clocks: no waiting.

const servers: FakeCdn[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((cdn) => cdn.close()));
});
async function start(...args: Parameters<typeof startCdn>): Promise<FakeCdn> {
  const cdn = await startCdn(...args);
  servers.push(cdn);
  return cdn;
}

const only = (keys: string[]): PurgeInput => ({ keys, urls: [], urlsWithoutKey: [] });
const purgedKeys = (result: PurgeResult) => result.requests.filter((r) => r.outcome === 'purged').flatMap((r) => r.purges.items);

describe('cloudflare: the plan\'s request bucket (Free: 25, then 5 a minute)', () => {
  // 2,800 keys: 28 requests of 100 tags, 3 more than the bucket holds.
  const keys = Array.from({ length: 2800 }, (_, i) => `k${i}`);

  it('paced to the plan, the client waits 12 s before each request past the 25th, and the API refuses none', async () => {
    const cdn = await start(cloudflare, cloudflareLimits('free'));
    const { clock, sleeps } = fakeClock();
    const result = await cloudflarePurger({ zoneId: 'zone1', token: 'cf-token', apiBase: cdn.url, clock }).purge(only(keys));
    expect([result.ok, cdn.received.length, cdn.refused()]).toEqual([true, 28, 0]);
    expect(sleeps).toEqual([12_000, 12_000, 12_000]);
    const business = await start(cloudflare, cloudflareLimits('business'));
    const fast = fakeClock();
    const paced = await cloudflarePurger({ zoneId: 'zone1', token: 'cf-token', apiBase: business.url, clock: fast.clock, plan: 'business' }).purge(only(keys));
    expect([paced.ok, business.refused(), fast.sleeps]).toEqual([true, 0, []]);
  });

  it('unpaced, it is answered 429 with Retry-After: 12 past the 25th request, waits as told, and purges every key', async () => {
    const cdn = await start(cloudflare, cloudflareLimits('free'));
    const { clock, sleeps } = fakeClock();
    const result = await cloudflarePurger({ zoneId: 'zone1', token: 'cf-token', apiBase: cdn.url, clock, rateLimit: false }).purge(only(keys));
    expect([result.ok, result.failures]).toEqual([true, []]);
    expect([cdn.refused(), cdn.received.length]).toEqual([3, 31]);
    expect(sleeps).toEqual([12_000, 12_000, 12_000]);
    expect(result.requests.slice(25).map((r) => [r.attempts, r.waitedMs])).toEqual([[2, 12_000], [2, 12_000], [2, 12_000]]);
    expect(purgedKeys(result)).toEqual([...keys].sort());
  });

  it('paced for Business on a Free account, it is refused past the 25th request and still finishes the plan', async () => {
    const cdn = await start(cloudflare, cloudflareLimits('free'));
    const { clock } = fakeClock();
    const result = await cloudflarePurger({ zoneId: 'zone1', token: 'cf-token', apiBase: cdn.url, clock, plan: 'business' }).purge(only(keys));
    expect([result.ok, cdn.refused(), purgedKeys(result).length]).toEqual([true, 3, 2800]);
  });
});

describe('akamai: the account\'s token buckets (5,000 cache tags, refilled 500 a minute)', () => {
  // 6,000 tags: one request of 5,000 (the whole bucket), then 1,000 more.
  const keys = Array.from({ length: 6000 }, (_, i) => `t${i}`);

  it('paced to the buckets, the client waits two minutes for 1,000 more tag tokens, and the API refuses none', async () => {
    const cdn = await start(akamai, AKAMAI_LIMITS);
    const { clock, sleeps } = fakeClock();
    const result = await akamaiPurger({ host: cdn.url, credentials: AKAMAI, clock }).purge(only(keys));
    expect([result.ok, cdn.received.length, cdn.refused()]).toEqual([true, 2, 0]);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(120_000);
    expect(sleeps[0]).toBeLessThan(120_010);
  });

  it('unpaced, it is answered 429 (with no Retry-After), backs off until the bucket holds enough, and purges every tag', async () => {
    const cdn = await start(akamai, AKAMAI_LIMITS);
    const { clock, sleeps } = fakeClock();
    const result = await akamaiPurger({ host: cdn.url, credentials: AKAMAI, clock, rateLimit: false, retry: { maxAttempts: 10 } }).purge(only(keys));
    expect([result.ok, result.failures]).toEqual([true, []]);
    // 1 + 2 + 4 + 8 + 16 + 30 + 30 + 30 = 121 s: past the 120 s 1,000 tag tokens take.
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(cdn.refused()).toBe(8);
    expect(purgedKeys(result)).toHaveLength(6000);
  });

  it('unpaced with the default five attempts, it gives up as rate-limited, retryable, and lists the tags not purged', async () => {
    const cdn = await start(akamai, AKAMAI_LIMITS);
    const result = await akamaiPurger({ host: cdn.url, credentials: AKAMAI, clock: fakeClock().clock, rateLimit: false }).purge(only(keys));
    expect(result.failures).toMatchObject([{ code: 'rate-limited', retryable: true }]);
    expect([cdn.refused(), result.unpurged.keys.length]).toEqual([5, 1000]);
  });
});
