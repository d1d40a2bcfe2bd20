import type { CacheRulesEngine } from '../engine/create-engine.ts';
import type { Decision } from '../engine/decision.ts';
import { targetKeyHeader, type TargetName } from '../targets/target-profiles.ts';
import { cacheControlSet, sameSet, tokenSet } from './cache-control-set.ts';
import type { Drift, Observation } from './types.ts';

/** The decision the rules make for the request an observation answered, given the response it got. */
export function decisionFor(engine: CacheRulesEngine, observation: Observation, requestHeaders: Record<string, string>, target: TargetName): Decision {
  const responseHeaders: Record<string, string> = {};
  if (observation.setsCookie) responseHeaders['set-cookie'] = 'present';
  const type = observation.headers['content-type'];
  if (type !== undefined) responseHeaders['content-type'] = type;
  return engine.decide({ url: observation.url, headers: requestHeaders }, { target, response: { status: observation.status, headers: responseHeaders } });
}

const get = (headers: Record<string, string>, name: string): string | undefined => {
  const lower = name.toLowerCase();
  for (const key in headers) if (key.toLowerCase() === lower) return headers[key];
  return undefined;
};

/**
 * The client-visible caching headers that differ from the decision: Cache-Control as a set of
 * directives; Vary as a set of names, for stored responses only (a response no cache keeps varies
 * on nothing that matters), with an Accept-Encoding a CDN adds for compression allowed; and the
 * key header only when the CDN lets it through, each expected key present.
 *
 * @example
 * headerDrift(observation, engine.decide({ url: observation.url }, { target: 'varnish' }), 'varnish');
 */
export function headerDrift(observation: Observation, decision: Decision, target: TargetName): Drift[] {
  const drifts: Drift[] = [];
  const drift = (header: string, expected: string | undefined, actual: string | undefined) =>
    drifts.push({ url: observation.url, visitor: observation.visitor, rule: decision.rule, header, expected: expected ?? '', actual: actual ?? '' });

  const expectedCc = get(decision.headers, 'cache-control');
  const actualCc = observation.headers['cache-control'];
  if (!sameSet(cacheControlSet(expectedCc), cacheControlSet(actualCc))) drift('Cache-Control', expectedCc, actualCc);

  if (decision.action === 'cache') {
    const expectedVary = get(decision.headers, 'vary');
    const actualVary = observation.headers['vary'];
    const want = tokenSet(expectedVary);
    const got = tokenSet(actualVary).filter((name) => name !== 'accept-encoding' || want.includes(name));
    if (!sameSet(want, got)) drift('Vary', expectedVary, actualVary);
  }

  const keyHeader = targetKeyHeader(target);
  const actualKeys = keyHeader === undefined ? undefined : observation.headers[keyHeader.name.toLowerCase()];
  if (keyHeader !== undefined && actualKeys !== undefined && decision.action === 'cache') {
    const expected = get(decision.headers, keyHeader.name);
    // Keys from {post.…} need the post, which a probe from outside does not have: the ones the
    // rules can name from the URL alone must all be there.
    const got = new Set(tokenSet(actualKeys, /[\s,]+/));
    if (expected !== undefined && tokenSet(expected, /[\s,]+/).some((key) => !got.has(key))) drift(keyHeader.name, expected, actualKeys);
  }
  return drifts;
}
