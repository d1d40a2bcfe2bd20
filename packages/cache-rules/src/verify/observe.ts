import { readCacheStatus } from './cache-status.ts';
import type { BoundedFetch } from './request-budget.ts';
import type { Observation, VerifyNotice, Visitor } from './types.ts';

// The headers a report shows; the rest of a response is not kept.
const KEPT = ['cache-control', 'vary', 'age', 'x-cache', 'x-cache-hits', 'cf-cache-status', 'x-vercel-cache', 'cache-status', 'x-served-by', 'content-type', 'location'];

async function shortHash(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Requests one path as one visitor and records what the checks need. `keyHeader` is kept too, for
 * the CDNs that let it through to clients.
 */
export async function observe(client: BoundedFetch, url: string, visitor: Visitor, headers: Record<string, string>, keyHeader: string | undefined): Promise<Observation | VerifyNotice> {
  const started = performance.now();
  const response = await client.get(url, headers);
  if (!(response instanceof Response)) return response;
  let body: ArrayBuffer;
  try {
    body = await response.arrayBuffer();
  } catch (error) {
    return { code: 'fetch-failed', message: `${url}: the body did not arrive (${error instanceof Error ? error.message : String(error)})`, url };
  }
  const ms = performance.now() - started;
  const kept: Record<string, string> = {};
  for (const name of keyHeader === undefined ? KEPT : [...KEPT, keyHeader.toLowerCase()]) {
    const value = response.headers.get(name);
    if (value != null) kept[name] = value;
  }
  return {
    url,
    visitor,
    status: response.status,
    headers: kept,
    setsCookie: response.headers.getSetCookie().length > 0,
    cache: readCacheStatus(response.headers),
    bytes: body.byteLength,
    ms,
    hash: await shortHash(body),
  };
}

/** Whether a value is an observation rather than a notice. */
export const isObservation = (value: Observation | VerifyNotice): value is Observation => 'hash' in value;
