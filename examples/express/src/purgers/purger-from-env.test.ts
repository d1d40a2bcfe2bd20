import { describe, expect, it } from 'vitest';
import { purgerFromEnv } from './purger-from-env.ts';

const plan = { keys: ['post-hello'], urls: ['/posts/hello', '/'], urlsWithoutKey: ['/'] };

describe('purgerFromEnv: the example\'s wiring', () => {
  it('is a dry run unless PURGE_DRY_RUN=0, and none when PURGER is unset', () => {
    expect(purgerFromEnv({}).name).toBe('dry-run');
    expect(purgerFromEnv({ PURGER: 'varnish' }).name).toBe('dry-run:varnish');
    expect(purgerFromEnv({ PURGER: 'varnish', PURGE_DRY_RUN: '0' }).name).toBe('varnish');
    expect(purgerFromEnv({ PURGER: 'akamai', AKAMAI_HOST: 'h', AKAMAI_CLIENT_TOKEN: 'c', AKAMAI_CLIENT_SECRET: 's', AKAMAI_ACCESS_TOKEN: 'a' }).name).toBe('dry-run:akamai');
  });

  it('says what is missing or wrong', () => {
    expect(() => purgerFromEnv({ PURGER: 'fastly' })).toThrow('PURGER=fastly: fastly needs FASTLY_SERVICE_ID, FASTLY_API_TOKEN (or FASTLY_TOKEN)');
    expect(() => purgerFromEnv({ PURGER: 'bunny' })).toThrow('PURGER must be fastly, cloudflare, akamai, netlify, vercel, varnish or none; found "bunny"');
  });

  it('purges soft when PURGE_SOFT=1, and reports what it would send while a dry run', async () => {
    const result = await purgerFromEnv({ PURGER: 'varnish', VARNISH_URL: 'http://varnish:6081', PURGE_SOFT: '1' }).purge(plan);
    expect(result).toMatchObject({ ok: true, dryRun: true, soft: true });
    expect(result.requests.map((r) => [r.method, r.url, r.headers['xkey-softpurge']])).toEqual([
      ['PURGE', 'http://varnish:6081/', 'post-hello'],
      ['PURGE', 'http://varnish:6081/', undefined],
    ]);
  });
});
