import type { Fetch, PurgeRequestSummary, PurgeResponseSummary, PurgeResult } from './purger.ts';

// Tokens must not reach a log or an admin response, not even in a dry run.
const SECRET_HEADERS = new Set(['authorization', 'fastly-key', 'x-auth-key']);

/** A request as plain data, with its credentials masked. */
export async function summarise(request: Request): Promise<PurgeRequestSummary> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = SECRET_HEADERS.has(name) ? '[redacted]' : value;
  });
  const body = request.body ? await request.clone().text() : undefined;
  return { method: request.method, url: request.url, headers, ...(body === undefined ? {} : { body }) };
}

// 429 and 5xx are the CDN being busy or down: the same purge can succeed later.
const retryableStatus = (status: number): boolean => status === 429 || status >= 500;

/**
 * Sends a purger's requests one after another and stops at the first failure, so a report never
 * claims keys as purged that were not.
 */
export async function sendPurge(purger: string, requests: Request[], fetchImpl: Fetch): Promise<PurgeResult> {
  const summaries: PurgeRequestSummary[] = [];
  const responses: PurgeResponseSummary[] = [];
  for (const request of requests) {
    const summary = await summarise(request);
    summaries.push(summary);
    let response: Response;
    try {
      response = await fetchImpl(request);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const message = `${purger}: could not reach ${new URL(request.url).origin} (${reason}); nothing after this request was sent`;
      return { ok: false, purger, dryRun: false, requests: summaries, responses, failure: { code: 'purge-unreachable', message, retryable: true } };
    }
    const body = (await response.text()).slice(0, 500);
    responses.push({ request: summary, status: response.status, body });
    if (!response.ok) {
      const message = `${purger}: ${request.method} ${request.url} answered ${response.status}, expected 2xx: ${body.slice(0, 200)}`;
      return { ok: false, purger, dryRun: false, requests: summaries, responses, failure: { code: 'purge-rejected', message, retryable: retryableStatus(response.status) } };
    }
  }
  return { ok: true, purger, dryRun: false, requests: summaries, responses };
}

/** Splits keys into batches of at most `size` keys and `maxChars` characters joined by `separator`. */
export function batches(keys: readonly string[], size: number, maxChars = Infinity, separator = ' '): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const key of keys) {
    const added = current.length === 0 ? key.length : length + separator.length + key.length;
    if (current.length > 0 && (current.length >= size || added > maxChars)) {
      out.push(current);
      current = [];
      length = 0;
    }
    length = current.length === 0 ? key.length : length + separator.length + key.length;
    current.push(key);
  }
  if (current.length > 0) out.push(current);
  return out;
}
