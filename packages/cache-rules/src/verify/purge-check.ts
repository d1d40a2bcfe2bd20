import type { Purger, PurgeInput, PurgeResult } from '../purge-clients/types.ts';
import type { CacheStatus } from './cache-status.ts';
import { isObservation, observe } from './observe.ts';
import { mapPool, type BoundedFetch } from './request-budget.ts';
import { pathOf } from './sample-urls.ts';
import type { VerifyNotice } from './types.ts';

/** How one URL fared around the purge: warmed to a HIT first, then what came back after. */
export interface PurgeUrlCheck {
  url: string;
  /** `purged` when the plan names it, `unrelated` when it is a page the plan must leave alone. */
  role: 'purged' | 'unrelated';
  /** The status of the second warming request; only a `hit` lets the purge be judged on this URL. */
  warm: CacheStatus;
  /** The status after the purge, and the header it was read from. */
  after: CacheStatus | undefined;
  afterSource: string;
  /** Whether it holds (purged: MISS or revalidated; unrelated: still HIT); undefined when it could not be judged. */
  ok: boolean | undefined;
}

/** The purge check's outcome: what the purger reported, and each URL before and after. */
export interface PurgeCheck {
  ok: boolean;
  result: PurgeResult;
  urls: PurgeUrlCheck[];
}

/** How to run the purge check. */
export interface PurgeCheckOptions {
  plan: PurgeInput;
  purger: Purger;
  /** Pages the plan does not name, which must still be HITs after it. */
  unrelated: readonly string[];
  /** How long to wait after the purge before looking, for CDNs that purge asynchronously. Default 0. */
  settleMs?: number;
  concurrency: number;
  keyHeader: string | undefined;
}

/**
 * Warms the plan's URLs and the unrelated pages (two requests each, the second should be a HIT),
 * sends the plan through the purger, then requests each once more: a purged URL must be a MISS (or
 * revalidated), an unrelated one still a HIT.
 *
 * @example
 * const { check } = await checkPurge(client, { plan, purger: varnishPurger({ url }), unrelated: ['/'], concurrency: 4, keyHeader: undefined });
 */
export async function checkPurge(client: BoundedFetch, options: PurgeCheckOptions): Promise<{ check: PurgeCheck; notices: VerifyNotice[] }> {
  const purged = [...new Set(options.plan.urls.map(pathOf))];
  const unrelated = options.unrelated.filter((url) => !purged.includes(url));
  const all = [...purged.map((url) => ({ url, role: 'purged' as const })), ...unrelated.map((url) => ({ url, role: 'unrelated' as const }))];
  const notices: VerifyNotice[] = [];
  const look = async (url: string) => {
    const seen = await observe(client, url, 'anonymous', {}, options.keyHeader);
    if (isObservation(seen)) return seen.cache;
    notices.push(seen);
    return undefined;
  };
  const warm = await mapPool(all, options.concurrency, async ({ url }) => {
    await look(url);
    return (await look(url))?.status ?? 'unknown';
  });
  const result = await options.purger.purge(options.plan);
  if (!result.ok || result.notices.length > 0) {
    for (const problem of [...result.failures, ...result.notices]) notices.push({ code: 'purge-problem', message: `${problem.code}: ${problem.message}` });
  }
  if (options.settleMs !== undefined && options.settleMs > 0) await new Promise((resolve) => setTimeout(resolve, options.settleMs));
  const urls = await mapPool(all, options.concurrency, async ({ url, role }, i): Promise<PurgeUrlCheck> => {
    const before = warm[i] as CacheStatus;
    const after = await look(url);
    let ok: boolean | undefined;
    if (before !== 'hit') notices.push({ code: 'not-warm', message: `${url} was ${before.toUpperCase()} on its second request, so the purge cannot be judged on it`, url });
    else if (after !== undefined) ok = role === 'purged' ? after.status === 'miss' || after.revalidated : after.status === 'hit';
    return { url, role, warm: before, after: after?.status, afterSource: after?.source ?? '', ok };
  });
  const judged = urls.filter((u) => u.ok !== undefined);
  return { check: { ok: result.ok && judged.length > 0 && judged.every((u) => u.ok === true), result, urls }, notices };
}
