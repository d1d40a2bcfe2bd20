import { browserDirectives, edgeDirectives, NO_STORE, type CachePolicy } from './cache-policy.ts';

/** Every target the engine writes headers for. */
export const TARGETS = ['generic', 'fastly', 'cloudflare', 'akamai', 'netlify', 'vercel', 'varnish'] as const;
/** A CDN (or cache) whose headers the engine writes. */
export type TargetName = (typeof TARGETS)[number];

/** Where a target takes purge keys, and the limits its documentation sets on them. */
export interface KeyHeaderProfile {
  name: string;
  separator: ' ' | ',';
  /** Most keys one response may carry; undefined where none is documented beyond the header size. */
  maxKeys: number | undefined;
  /** Most bytes the header value may hold. */
  maxBytes: number;
  source: string;
}

/** One target: how each kind of policy is spelt in the headers it reads. */
export interface TargetProfile {
  name: TargetName;
  keyHeader: KeyHeaderProfile | undefined;
  headers(policy: CachePolicy): Record<string, string>;
}

type Shared = Extract<CachePolicy, { kind: 'shared' }>;

/** Targets that read an RFC 9213 targeted field: the field carries the whole edge policy. */
function targeted(field: string, options: { staleIfError: boolean }): TargetProfile['headers'] {
  return (policy) => {
    if (policy.kind === 'no-store') return { 'Cache-Control': NO_STORE, [field]: NO_STORE };
    if (policy.kind === 'private') return { 'Cache-Control': `private, ${browserDirectives(policy)}`, [field]: 'private' };
    return { 'Cache-Control': browserDirectives(policy), [field]: edgeDirectives(policy, options) };
  };
}

const profiles: Record<TargetName, TargetProfile> = {
  generic: {
    name: 'generic',
    keyHeader: undefined,
    headers: targeted('CDN-Cache-Control', { staleIfError: true }),
  },
  cloudflare: {
    name: 'cloudflare',
    keyHeader: { name: 'Cache-Tag', separator: ',', maxKeys: undefined, maxBytes: 16_000, source: 'https://developers.cloudflare.com/cache/how-to/purge-cache/purge-by-tags/' },
    headers: targeted('Cloudflare-CDN-Cache-Control', { staleIfError: true }),
  },
  netlify: {
    name: 'netlify',
    // Netlify documents no tag limits; the portable profile (Akamai's, the strictest) applies.
    keyHeader: { name: 'Netlify-Cache-Tag', separator: ',', maxKeys: 128, maxBytes: 8192, source: 'https://docs.netlify.com/platform/caching/ (no limit documented: portable profile)' },
    headers: targeted('Netlify-CDN-Cache-Control', { staleIfError: false }),
  },
  vercel: {
    name: 'vercel',
    keyHeader: { name: 'Vercel-Cache-Tag', separator: ',', maxKeys: 128, maxBytes: 8192, source: 'https://nextjs.org/docs/app/api-reference/functions/cacheTag (128 tags, 256 chars)' },
    // Vercel documents stale-while-revalidate but not stale-if-error at its edge.
    headers: targeted('Vercel-CDN-Cache-Control', { staleIfError: false }),
  },
  fastly: {
    name: 'fastly',
    keyHeader: { name: 'Surrogate-Key', separator: ' ', maxKeys: undefined, maxBytes: 16_384, source: 'https://www.fastly.com/documentation/reference/http/http-headers/Surrogate-Key/' },
    headers: (policy) => {
      // Never Surrogate-Control beside a restrictive Cache-Control: Varnish-based caches then skip
      // the private/no-store check and cache anyway (research §5, verified with varnishtest).
      if (policy.kind === 'no-store') return { 'Cache-Control': NO_STORE };
      if (policy.kind === 'private') return { 'Cache-Control': `private, ${browserDirectives(policy)}` };
      return { 'Cache-Control': browserDirectives(policy), 'Surrogate-Control': edgeDirectives(policy) };
    },
  },
  akamai: {
    name: 'akamai',
    keyHeader: { name: 'Edge-Cache-Tag', separator: ',', maxKeys: 128, maxBytes: 8192, source: 'https://techdocs.akamai.com/purge-cache/docs/purge-content-cache-tag' },
    headers: (policy) => {
      if (policy.kind === 'no-store') return { 'Cache-Control': NO_STORE, 'Edge-Control': 'no-store' };
      if (policy.kind === 'private') return { 'Cache-Control': `private, ${browserDirectives(policy)}`, 'Edge-Control': 'no-store' };
      return { 'Cache-Control': browserDirectives(policy), 'Edge-Control': `!no-store, max-age=${(policy as Shared).edge}` };
    },
  },
  varnish: {
    name: 'varnish',
    // http_resp_hdr_len defaults to 8 KiB per header line, name included; a longer one is a 503.
    keyHeader: { name: 'xkey', separator: ' ', maxKeys: undefined, maxBytes: 8192 - 'xkey: '.length, source: 'https://varnish-cache.org/docs/trunk/reference/varnishd.html#http-resp-hdr-len' },
    headers: (policy) => {
      // Varnish reads neither CDN-Cache-Control nor Surrogate-Control max-age: s-maxage it does,
      // and it maps stale-while-revalidate to grace.
      if (policy.kind === 'no-store') return { 'Cache-Control': NO_STORE };
      if (policy.kind === 'private') return { 'Cache-Control': `private, ${browserDirectives(policy)}` };
      const swr = policy.staleWhileRevalidate > 0 ? `, stale-while-revalidate=${policy.staleWhileRevalidate}` : '';
      const immutable = policy.immutable ? ', immutable' : '';
      return { 'Cache-Control': `max-age=${policy.browser}, s-maxage=${policy.edge}${swr}${immutable}` };
    },
  },
};

/** The profile for a target name. */
export function targetProfile(name: TargetName): TargetProfile {
  return profiles[name];
}

/**
 * Whether a string names a target.
 *
 * @example
 * isTargetName('fastly'); // true
 */
export function isTargetName(name: string): name is TargetName {
  return (TARGETS as readonly string[]).includes(name);
}

/**
 * Where a target takes purge keys and its documented limits; undefined for one that takes none.
 *
 * @example
 * targetKeyHeader('netlify')?.name; // 'Netlify-Cache-Tag'
 */
export function targetKeyHeader(name: TargetName): KeyHeaderProfile | undefined {
  return profiles[name].keyHeader;
}
