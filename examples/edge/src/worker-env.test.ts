import { describe, expect, it } from 'vitest';
import { readEnv } from './worker-env.ts';

describe('readEnv', () => {
  it('defaults to the cloudflare target and no canonical origin', () => {
    expect(readEnv(undefined)).toEqual({ ok: true, options: { target: 'cloudflare' }, key: 'cloudflare ' });
    expect(readEnv({})).toEqual({ ok: true, options: { target: 'cloudflare' }, key: 'cloudflare ' });
  });

  it('takes a known target and an http(s) origin', () => {
    expect(readEnv({ CACHE_TARGET: 'vercel', BASE_URL: 'https://blog.example' })).toEqual({
      ok: true,
      options: { target: 'vercel', baseUrl: 'https://blog.example' },
      key: 'vercel https://blog.example',
    });
  });

  it('says what is wrong with a bad value instead of falling back', () => {
    expect(readEnv({ CACHE_TARGET: 'Cloudflare' })).toEqual({
      ok: false,
      message: 'CACHE_TARGET must be one of generic, fastly, cloudflare, akamai, netlify, vercel, varnish; found "Cloudflare"',
    });
    expect(readEnv({ BASE_URL: 'blog.example' })).toEqual({
      ok: false,
      message: 'BASE_URL must be an http(s) origin such as https://blog.example; found "blog.example"',
    });
  });
});
