/**
 * What a rule asks of caches once its durations are read: the one shape every target's header
 * builder works from, so that no target can drift in meaning from the others.
 */
export type CachePolicy =
  | { kind: 'shared'; edge: number; browser: number; staleWhileRevalidate: number; staleIfError: number; immutable: boolean }
  | { kind: 'private'; browser: number; immutable: boolean }
  | { kind: 'no-store' };

/** `max-age=N[, immutable]`: what the browser reads. Stale directives stay at the edge, which can be purged. */
export function browserDirectives(policy: { browser: number; immutable: boolean }): string {
  return policy.immutable ? `max-age=${policy.browser}, immutable` : `max-age=${policy.browser}`;
}

/**
 * The edge lifetime as an RFC 9213 dictionary (also valid Cache-Control syntax): lowercase keys,
 * integer values, stale directives only where the target documents them.
 */
export function edgeDirectives(policy: Extract<CachePolicy, { kind: 'shared' }>, { staleIfError = true } = {}): string {
  let text = `max-age=${policy.edge}`;
  if (policy.staleWhileRevalidate > 0) text += `, stale-while-revalidate=${policy.staleWhileRevalidate}`;
  if (staleIfError && policy.staleIfError > 0) text += `, stale-if-error=${policy.staleIfError}`;
  return text;
}

/** What every target sends when nothing may store the response in a shared cache. */
export const NO_STORE = 'private, no-store';
