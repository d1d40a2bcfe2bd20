import { describe, expect, it } from 'vitest';
import { readCacheStatus } from './cache-status.ts';

const status = (headers: Record<string, string>) => {
  const reading = readCacheStatus(new Headers(headers));
  return [reading.status, reading.age, reading.revalidated];
};

describe('readCacheStatus', () => {
  it('reads Varnish and Fastly X-Cache, Fastly\'s per-cache lists included', () => {
    expect(status({ 'x-cache': 'HIT' })).toEqual(['hit', undefined, false]);
    expect(status({ 'x-cache': 'MISS' })).toEqual(['miss', undefined, false]);
    expect(status({ 'x-cache': 'HIT, MISS', age: '30' })).toEqual(['hit', 30, false]);
    expect(status({ 'x-cache': 'MISS, MISS' })).toEqual(['miss', undefined, false]);
    expect(status({ 'x-cache': 'Hit from cloudfront' })).toEqual(['hit', undefined, false]);
    expect(status({ 'x-cache': 'PASS' })).toEqual(['pass', undefined, false]);
    // The Varnish recipe's grace hit (a soft-purged or expired copy served while it is refetched).
    expect(status({ 'x-cache': 'STALE', age: '90' })).toEqual(['hit', 90, true]);
    expect(status({ 'x-cache': 'STALE, HIT' })).toEqual(['hit', undefined, false]);
    expect(readCacheStatus(new Headers({ 'x-cache': 'MISS', 'x-served-by': 'cache-lhr1, cache-ams2' })).servedBy).toBe('cache-lhr1, cache-ams2');
  });

  it('reads every documented CF-Cache-Status value', () => {
    expect(['HIT', 'MISS', 'EXPIRED', 'STALE', 'BYPASS', 'REVALIDATED', 'UPDATING', 'DYNAMIC'].map((v) => status({ 'cf-cache-status': v }))).toEqual([
      ['hit', undefined, false], ['miss', undefined, false], ['miss', undefined, true], ['hit', undefined, true],
      ['pass', undefined, false], ['hit', undefined, true], ['hit', undefined, true], ['pass', undefined, false],
    ]);
  });

  it('reads RFC 9211 Cache-Status by the cache nearest the client, x-vercel-cache, and Age alone', () => {
    expect(status({ 'cache-status': 'Origin; fwd=uri-miss, Edge; hit' })).toEqual(['hit', undefined, false]);
    expect(status({ 'cache-status': 'Edge; fwd=uri-miss' })).toEqual(['miss', undefined, false]);
    expect(status({ 'cache-status': 'Edge; fwd=bypass' })).toEqual(['pass', undefined, false]);
    expect(status({ 'cache-status': 'Edge; hit; ttl=-30' })).toEqual(['hit', undefined, true]);
    expect(status({ 'cache-status': 'Edge; hit; ttl=30' })).toEqual(['hit', undefined, false]);
    expect(status({ 'cache-status': 'Edge; fwd=stale; fwd-status=304' })).toEqual(['miss', undefined, true]);
    expect(status({ 'x-vercel-cache': 'STALE' })).toEqual(['hit', undefined, true]);
    expect(status({ age: '12' })).toEqual(['hit', 12, false]);
    expect(status({ age: '0' })).toEqual(['unknown', 0, false]);
    expect(status({})).toEqual(['unknown', undefined, false]);
  });
});
