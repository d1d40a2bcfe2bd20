import { realClock, retryAfterMs, type RateLimiter } from './pacing.ts';
import type {
  Fetch,
  PurgeClock,
  PurgeFailure,
  PurgeItems,
  PurgeNotice,
  PurgeRequestReport,
  PurgeResult,
  PurgeTarget,
  RetryOptions,
} from './types.ts';

/** One request a client means to send, before credentials that are computed per attempt (EdgeGrid). */
export interface PlannedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  purges: PurgeItems;
  /** Tokens it takes from each of the client's rate-limit buckets. */
  cost?: Record<string, number>;
}

/** A plan turned into requests, with what the client cannot do. */
export interface PlannedPurge {
  requests: PlannedRequest[];
  /** Problems found before sending (a path and no site URL): nothing is sent. */
  failures: PurgeFailure[];
  notices: PurgeNotice[];
  /** What this client cannot purge at all. */
  unsupported: { keys: string[]; urls: string[]; prefixes: string[] };
}

/** How a client sends its requests. */
export interface Transport {
  fetch?: Fetch | undefined;
  clock?: PurgeClock | undefined;
  retry?: RetryOptions | undefined;
  limiter?: RateLimiter | undefined;
  /** Headers computed for each attempt, such as a signature over a fresh timestamp. */
  authorize?: ((request: PlannedRequest) => Promise<Record<string, string>>) | undefined;
  /** For a 2xx whose body still says the purge failed (Cloudflare's `"success": false`): why. */
  refused?: ((status: number, body: string) => string | undefined) | undefined;
}

// Tokens must not reach a log, a dry run's output or an admin response.
const SECRET_HEADERS = new Set(['authorization', 'fastly-key', 'x-auth-key']);

const redacted = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? '[redacted]' : value]));

const retryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

const DEFAULT_RETRY: Required<RetryOptions> = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000, timeoutMs: 30_000 };

/** The backoff before attempt `attempt + 1`: base, 2×base, 4×base… up to the cap. */
export function backoffMs(attempt: number, retry: Required<RetryOptions>): number {
  return Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
}

const describe = (error: unknown): string => (error instanceof Error ? (error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message) : String(error));

type Sent = { ok: true } | { ok: false; failure: PurgeFailure };

async function sendOne(purger: PurgeTarget, planned: PlannedRequest, report: PurgeRequestReport, transport: Transport, retry: Required<RetryOptions>): Promise<Sent> {
  const clock = transport.clock ?? realClock;
  const fetchImpl: Fetch = transport.fetch ?? ((request) => fetch(request));
  const what = `${purger}: ${planned.method} ${planned.url}`;
  for (;;) {
    if (transport.limiter) report.waitedMs += await transport.limiter.take({ requests: 1, ...planned.cost }, clock);
    report.attempts += 1;
    const headers = { ...planned.headers };
    if (transport.authorize) {
      try {
        Object.assign(headers, await transport.authorize(planned));
      } catch (error) {
        return { ok: false, failure: { code: 'signing-failed', message: `${what}: the signer failed (${describe(error)})`, retryable: false } };
      }
    }
    const timeout = retry.timeoutMs > 0 && typeof AbortSignal.timeout === 'function' ? { signal: AbortSignal.timeout(retry.timeoutMs) } : {};
    let request: Request;
    try {
      request = new Request(planned.url, { method: planned.method, headers, ...(planned.body === undefined ? {} : { body: planned.body }), ...timeout });
    } catch (error) {
      // A header value that is no ByteString (a signer's output, a token with a stray character).
      return { ok: false, failure: { code: 'invalid-input', message: `${what}: cannot make the request (${describe(error)})`, retryable: false } };
    }
    let status: number;
    let body: string;
    let retryAfter: string | null;
    try {
      const response = await fetchImpl(request);
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      body = await response.text();
    } catch (error) {
      if (report.attempts < retry.maxAttempts) {
        const wait = backoffMs(report.attempts, retry);
        await clock.sleep(wait);
        report.waitedMs += wait;
        continue;
      }
      const message = `${purger}: could not reach ${new URL(planned.url).origin} (${describe(error)}) in ${report.attempts} attempts`;
      return { ok: false, failure: { code: 'unreachable', message, retryable: true } };
    }
    report.status = status;
    report.response = body.slice(0, 500);
    if (status >= 200 && status < 300) {
      const refusal = transport.refused?.(status, body);
      if (refusal === undefined) return { ok: true };
      return { ok: false, failure: { code: 'rejected', message: `${what} answered ${status} but refused: ${refusal}`, retryable: false } };
    }
    if (!retryableStatus(status)) {
      return { ok: false, failure: { code: 'rejected', message: `${what} answered ${status}: ${body.slice(0, 200)}`, retryable: false } };
    }
    const code = status === 429 ? 'rate-limited' : 'server-error';
    const asked = retryAfterMs(retryAfter, clock.now());
    if (asked !== undefined && asked > retry.maxRetryAfterMs) {
      const message = `${what} answered ${status} and asked to wait ${Math.ceil(asked / 1000)} s (Retry-After), more than the ${retry.maxRetryAfterMs / 1000} s allowed: run the plan again then`;
      return { ok: false, failure: { code, message, retryable: true } };
    }
    if (report.attempts >= retry.maxAttempts) {
      return { ok: false, failure: { code, message: `${what} answered ${status} to all ${report.attempts} attempts: ${body.slice(0, 200)}`, retryable: true } };
    }
    const wait = asked ?? backoffMs(report.attempts, retry);
    await clock.sleep(wait);
    report.waitedMs += wait;
  }
}

/**
 * Sends a client's planned requests one after another, each retried on 408, 429, 5xx and network
 * errors (honouring `Retry-After`), paced to its rate limits, and stops at the first that fails,
 * so a result never claims as purged what was not. Never throws.
 */
export async function runPurge(purger: PurgeTarget, planned: PlannedPurge, options: { dryRun: boolean; soft: boolean }, transport: Transport): Promise<PurgeResult> {
  const retry = { ...DEFAULT_RETRY, ...transport.retry };
  const requests: PurgeRequestReport[] = planned.requests.map((request) => ({
    method: request.method,
    url: request.url,
    headers: redacted(request.headers),
    ...(request.body === undefined ? {} : { body: request.body }),
    purges: { kind: request.purges.kind, items: [...request.purges.items] },
    outcome: options.dryRun ? 'dry-run' : 'not-sent',
    attempts: 0,
    waitedMs: 0,
  }));
  const failures = [...planned.failures];
  if (!options.dryRun && failures.length === 0) {
    for (const [index, request] of planned.requests.entries()) {
      const report = requests[index] as PurgeRequestReport;
      let sent: Sent;
      try {
        sent = await sendOne(purger, request, report, transport, retry);
      } catch (error) {
        // Nothing above should throw; if something does (an injected clock, say), it is still data.
        sent = { ok: false, failure: { code: 'invalid-input', message: `${purger}: ${request.method} ${request.url}: ${describe(error)}`, retryable: false } };
      }
      if (sent.ok) {
        report.outcome = 'purged';
        continue;
      }
      report.outcome = 'failed';
      const rest = requests.length - index - 1;
      const after = rest > 0 ? `; the ${rest} request${rest === 1 ? '' : 's'} after it ${rest === 1 ? 'was' : 'were'} not sent` : '';
      failures.push({ ...sent.failure, message: `${sent.failure.message}${after}` });
      break;
    }
  }
  const unpurged = { keys: [...planned.unsupported.keys], urls: [...planned.unsupported.urls], prefixes: [...planned.unsupported.prefixes] };
  for (const report of requests) if (report.outcome === 'failed' || report.outcome === 'not-sent') unpurged[report.purges.kind].push(...report.purges.items);
  return { ok: failures.length === 0, purger, dryRun: options.dryRun, soft: options.soft, requests, failures, notices: planned.notices, unpurged };
}
