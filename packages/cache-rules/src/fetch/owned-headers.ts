import type { CachePolicy } from '../targets/cache-policy.ts';
import { TARGETS, targetProfile } from '../targets/target-profiles.ts';

// One policy of each kind, with every optional directive on, so that each profile names every
// header it can ever write.
const SAMPLES: readonly CachePolicy[] = [
  { kind: 'shared', edge: 2, browser: 1, staleWhileRevalidate: 1, staleIfError: 1, immutable: true },
  { kind: 'private', browser: 1, immutable: false },
  { kind: 'no-store' },
];

function ownedHeaderNames(): ReadonlySet<string> {
  const names = new Set<string>();
  for (const target of TARGETS) {
    const profile = targetProfile(target);
    for (const policy of SAMPLES) for (const name of Object.keys(profile.headers(policy))) names.add(name.toLowerCase());
    if (profile.keyHeader) names.add(profile.keyHeader.name.toLowerCase());
  }
  // The engine writes these beside the profiles' own: Netlify keys its copies on the bypass cookies.
  names.add('netlify-vary');
  return names;
}

/**
 * Every caching header the rules own, lowercase, for every target at once: Cache-Control, each
 * target's CDN-Cache-Control field, Surrogate-Control, Edge-Control, and the purge-key headers
 * (Surrogate-Key, Cache-Tag, xkey...). An adapter removes the handler's own before it sets the
 * rules', so that no caching header the handler set outlives a decision, whichever CDN reads it.
 * `Vary` is not among them: a rule's `vary` replaces it, and otherwise the handler's stands.
 */
export const OWNED_HEADERS: ReadonlySet<string> = ownedHeaderNames();
