/** Where a response came from, as the CDN's own status headers say: its cache, its origin, or a pass. */
export type CacheStatus = 'hit' | 'miss' | 'pass' | 'unknown';

/** A response's cache status, read from the headers the CDN documents, with the header that said so. */
export interface CacheStatusReading {
  status: CacheStatus;
  /** The `Age` header in seconds, when present and a number. */
  age: number | undefined;
  /** The header (and value) the status was read from, e.g. `cf-cache-status: HIT`; '' when none. */
  source: string;
  /** True when the cache served or refreshed an expired copy (Cloudflare EXPIRED, STALE, UPDATING, REVALIDATED): what a soft purge leaves. */
  revalidated: boolean;
  /** Fastly's `X-Served-By`: the cache nodes on the way, for a report. */
  servedBy: string | undefined;
}

// Cloudflare's documented CF-Cache-Status values (research: cdn-cache-semantics, "Debug" row).
// DYNAMIC: not eligible for the cache; BYPASS: the origin or a rule said not to use it.
const CLOUDFLARE: Record<string, CacheStatus> = {
  HIT: 'hit', STALE: 'hit', UPDATING: 'hit', REVALIDATED: 'hit',
  MISS: 'miss', EXPIRED: 'miss',
  BYPASS: 'pass', DYNAMIC: 'pass', NONE: 'pass',
};
const STALE_WORDS = new Set(['EXPIRED', 'STALE', 'UPDATING', 'REVALIDATED']);
// Vercel's x-vercel-cache: HIT, MISS, STALE, PRERENDER, REVALIDATED (and BYPASS).
const VERCEL: Record<string, CacheStatus> = { HIT: 'hit', STALE: 'hit', PRERENDER: 'hit', REVALIDATED: 'hit', MISS: 'miss', BYPASS: 'pass' };

function fromXCache(value: string): CacheStatus {
  // Fastly (and Akamai with shielding) list one entry per cache on the way, "MISS, HIT": the
  // response came out of a cache when any of them hit, and from the origin only when none did.
  const entries = value.split(',').map((entry) => entry.trim().toUpperCase());
  if (entries.some((entry) => entry.startsWith('HIT') || entry === 'STALE' || entry.startsWith('TCP_HIT') || entry.startsWith('TCP_MEM_HIT'))) return 'hit';
  if (entries.some((entry) => entry.startsWith('PASS') || entry.startsWith('BYPASS'))) return 'pass';
  if (entries.some((entry) => entry.startsWith('MISS') || entry.startsWith('TCP_MISS') || entry.startsWith('REFRESH'))) return 'miss';
  return 'unknown';
}

/** Whether the cache nearest the client served an expired copy: `STALE`, as the Varnish recipe in the docs marks a grace hit. */
function xCacheStale(value: string): boolean {
  const entries = value.split(',');
  return (entries[entries.length - 1] ?? '').trim().toUpperCase() === 'STALE';
}

/** RFC 9211 `Cache-Status`: the last cache listed is nearest the client and speaks for the response. */
function fromCacheStatus(value: string): CacheStatus {
  const members = value.split(',').map((member) => member.trim().toLowerCase());
  const last = members[members.length - 1] ?? '';
  const params = last.split(';').map((param) => param.trim());
  if (params.includes('hit')) return 'hit';
  const fwd = params.find((param) => param.startsWith('fwd='));
  if (fwd === undefined) return 'unknown';
  return fwd === 'fwd=bypass' || fwd === 'fwd=request' ? 'pass' : 'miss';
}

/**
 * Whether RFC 9211 `Cache-Status` says the nearest cache served or forwarded an expired copy: a
 * hit with a negative `ttl` (served stale), or `fwd=stale` (sent on to revalidate it).
 */
function cacheStatusStale(value: string): boolean {
  const members = value.split(',');
  const params = (members[members.length - 1] ?? '').split(';').map((param) => param.trim().toLowerCase());
  return params.includes('fwd=stale') || (params.includes('hit') && params.some((param) => /^ttl=-\d/.test(param)));
}

/**
 * Reads a response's cache status from what CDNs document: `CF-Cache-Status` (Cloudflare),
 * `X-Vercel-Cache`, RFC 9211 `Cache-Status`, `X-Cache` (Fastly's per-cache "HIT, MISS" lists,
 * Varnish recipes, CloudFront "Hit from cloudfront"), then `Age` alone (> 0 means a cache held it).
 *
 * @example
 * readCacheStatus(new Headers({ 'x-cache': 'MISS, HIT', age: '12' })); // { status: 'hit', age: 12, … }
 */
export function readCacheStatus(headers: Headers): CacheStatusReading {
  const ageText = headers.get('age');
  const age = ageText != null && /^\d+$/.test(ageText.trim()) ? Number(ageText.trim()) : undefined;
  const servedBy = headers.get('x-served-by') ?? undefined;
  const reading = (status: CacheStatus, source: string, revalidated = false): CacheStatusReading => ({ status, age, source, revalidated, servedBy });
  const cloudflare = headers.get('cf-cache-status');
  if (cloudflare != null) {
    const word = cloudflare.trim().toUpperCase();
    return reading(CLOUDFLARE[word] ?? 'unknown', `cf-cache-status: ${cloudflare}`, STALE_WORDS.has(word));
  }
  const vercel = headers.get('x-vercel-cache');
  if (vercel != null) {
    const word = vercel.trim().toUpperCase();
    return reading(VERCEL[word] ?? 'unknown', `x-vercel-cache: ${vercel}`, word === 'STALE' || word === 'REVALIDATED');
  }
  const cacheStatus = headers.get('cache-status');
  if (cacheStatus != null) return reading(fromCacheStatus(cacheStatus), `cache-status: ${cacheStatus}`, cacheStatusStale(cacheStatus));
  const xCache = headers.get('x-cache');
  if (xCache != null) return reading(fromXCache(xCache), `x-cache: ${xCache}`, xCacheStale(xCache));
  if (age !== undefined && age > 0) return reading('hit', `age: ${age}`);
  return reading('unknown', '');
}
