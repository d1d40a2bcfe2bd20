import type { Decision } from '../engine/decision.ts';
import { cacheControlSet } from './cache-control-set.ts';
import type { Leak, Observation } from './types.ts';

/** The requests one logged-in check made for one URL, in the order they were sent. */
export interface LoggedInExchange {
  /** The anonymous copy, requested (twice) before: what a cache holds for everyone. */
  anonymous: Observation;
  /** What the rules decide for the logged-in request. */
  decision: Decision;
  /** The logged-in request, and the same again. */
  first: Observation;
  repeat: Observation;
  /**
   * The same visitor at a URL no cache can hold (a one-off query parameter): the origin's own
   * answer, which says whether the page differs for this visitor at all.
   */
  origin?: Observation;
  /** An anonymous request sent right after. */
  after: Observation;
}

const shareable = (observation: Observation) => {
  const directives = cacheControlSet(observation.headers['cache-control']);
  return !directives.some((d) => d === 'private' || d.startsWith('private=') || d === 'no-store');
};

/**
 * The leaks one logged-in exchange shows. Where the rules keep the request out of shared caches
 * (bypass or no-store), neither logged-in answer may come from a cache (HIT, or Age > 0), say a
 * shared cache may store it, or carry the anonymous copy's bytes when the page differs for this
 * visitor; and the anonymous request after it must not get the logged-in bytes.
 *
 * @example
 * loggedInLeaks({ anonymous, decision, first, repeat, after }).map((leak) => leak.code);
 */
export function loggedInLeaks(exchange: LoggedInExchange): Leak[] {
  const { anonymous, decision, first, repeat, origin, after } = exchange;
  if (decision.action === 'cache') return [];
  const leaks: Leak[] = [];
  const leak = (observation: Observation, code: Leak['code'], message: string) =>
    leaks.push({ url: observation.url, visitor: first.visitor, rule: decision.rule, code, message });
  const personal = [first, repeat, ...(origin === undefined ? [] : [origin])].filter((o) => o.status === anonymous.status && o.hash !== anonymous.hash);
  const differs = personal.length > 0;
  for (const [observation, which] of [[first, 'the first'], [repeat, 'the repeated']] as const) {
    const who = `${which} ${first.visitor === 'cookie' ? 'session-cookie' : 'Authorization'} request`;
    if (observation.cache.status === 'hit') leak(observation, 'served-from-cache', `${who} was answered from the cache (${observation.cache.source}); the rules ${decision.action === 'bypass' ? 'bypass' : 'never store'} it: ${decision.reason}`);
    else if (observation.cache.age !== undefined && observation.cache.age > 0) leak(observation, 'aged', `${who} carried Age: ${observation.cache.age}, so a cache held it`);
    if (shareable(observation)) leak(observation, 'shareable', `${who} got Cache-Control: ${observation.headers['cache-control'] ?? '(none)'}, which lets a shared cache store it; expected private or no-store`);
    if (differs && observation.hash === anonymous.hash) leak(observation, 'anonymous-bytes', `${who} got the anonymous copy (${observation.hash}) though this visitor's page differs (${(personal[0] as Observation).hash})`);
  }
  if (personal.some((o) => o.hash === after.hash)) leak(after, 'personal-bytes-shared', `the anonymous request right after got the logged-in bytes (${after.hash}); the anonymous copy is ${anonymous.hash}`);
  return leaks;
}
