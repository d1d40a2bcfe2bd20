import type { CompiledRule } from '../compile/compiled-rule.ts';
import { targetProfile, type TargetName } from '../targets/target-profiles.ts';

const noStoreByTarget = new Map<TargetName, Readonly<Record<string, string>>>();

/** The headers that keep a response out of every shared cache, for one target. */
export function noStoreHeaders(target: TargetName): Readonly<Record<string, string>> {
  let headers = noStoreByTarget.get(target);
  if (!headers) {
    headers = Object.freeze(targetProfile(target).headers({ kind: 'no-store' }));
    noStoreByTarget.set(target, headers);
  }
  return headers;
}

/**
 * The headers for a response `rule` lets caches store, for one target. The engine builds them
 * once per rule and target and then reuses them: a decision copies a finished record instead of
 * formatting directives.
 */
export function storedHeaders(rule: CompiledRule, target: TargetName): Readonly<Record<string, string>> {
  const built = targetProfile(target).headers(rule.policy);
  if (rule.vary !== '') built['Vary'] = rule.vary;
  // Netlify can key on a named cookie, so a logged-in visitor never gets the anonymous copy.
  if (target === 'netlify' && rule.policy.kind === 'shared' && rule.bypassCookieNames.length > 0) {
    built['Netlify-Vary'] = `cookie=${rule.bypassCookieNames.join('|')}`;
  }
  return Object.freeze(built);
}
