import { normalised } from './batch.ts';
import { runPurge, type PlannedPurge, type Transport } from './send.ts';
import type { PurgeClientOptions, PurgeInput, PurgeNotice, Purger, PurgeSupport, PurgeTarget } from './types.ts';

/** The plan's items, deduplicated and sorted, and the URLs it wants purged by URL. */
export interface NormalisedInput {
  keys: string[];
  /** `urlsWithoutKey` when the plan has it, else every URL. */
  byUrl: string[];
  prefixes: string[];
}

export function normalise(input: PurgeInput): NormalisedInput {
  return { keys: normalised(input.keys), byUrl: normalised(input.urlsWithoutKey ?? input.urls), prefixes: normalised(input.prefixes) };
}

/** An empty plan, to add requests and notices to. */
export function emptyPlan(): PlannedPurge {
  return { requests: [], failures: [], notices: [], unsupported: { keys: [], urls: [], prefixes: [] } };
}

/** Records URLs a client with no purge by URL was asked to purge: they stay cached. */
export function urlsNotPurged(target: PurgeTarget, plan: PlannedPurge, urls: string[]): void {
  if (urls.length === 0) return;
  plan.unsupported.urls.push(...urls);
  plan.notices.push({
    code: 'urls-not-purged',
    message: `${target} purges by tag only: ${urls.length} URL${urls.length === 1 ? '' : 's'} no planned key reaches (a new URL's cached 404 among them) stay cached until they expire; purge their pages' keys too (wider), or wait out their lifetime`,
    items: urls,
  });
}

/** Records prefixes given to a client that cannot purge by prefix. */
export function prefixesNotPurged(target: PurgeTarget, plan: PlannedPurge, prefixes: string[]): void {
  if (prefixes.length === 0) return;
  plan.unsupported.prefixes.push(...prefixes);
  plan.notices.push({ code: 'prefixes-not-purged', message: `${target} has no purge by prefix: ${prefixes.length} prefix${prefixes.length === 1 ? '' : 'es'} not purged`, items: prefixes });
}

/** The notice for a CDN that only purges hard, when soft was asked. */
export function softUnsupported(target: PurgeTarget, why: string): PurgeNotice {
  return { code: 'soft-unsupported', message: `${target} has no soft purge (${why}): it purges hard, so the next requests for what it evicts go to the origin` };
}

/** Leaves out keys longer than the CDN takes, with a notice: no cached object can carry one. */
export function withinKeyLimit(target: PurgeTarget, plan: PlannedPurge, keys: string[], maxLength: number, unit: string, source: string, length: (key: string) => number): string[] {
  const kept = keys.filter((key) => length(key) <= maxLength);
  const skipped = keys.filter((key) => length(key) > maxLength);
  if (skipped.length > 0) {
    plan.notices.push({ code: 'key-skipped', message: `${target} takes keys of at most ${maxLength} ${unit} (${source}): ${skipped.length} longer key${skipped.length === 1 ? '' : 's'} left out`, items: skipped });
  }
  return kept;
}

/**
 * The plan's URLs made absolute against `siteUrl` (a URL already absolute stays as it is), or an
 * `invalid-input` failure on the plan when a path has no site to resolve against.
 */
export function absoluteUrls(target: PurgeTarget, plan: PlannedPurge, urls: string[], siteUrl: string | undefined): string[] {
  const out: string[] = [];
  for (const url of urls) {
    if (URL.canParse(url)) out.push(new URL(url).href);
    else if (siteUrl !== undefined && URL.canParse(url, siteUrl)) out.push(new URL(url, siteUrl).href);
    else {
      plan.failures.push({
        code: 'invalid-input',
        message: `${target}: ${JSON.stringify(url)} must be purged by URL, and ${siteUrl === undefined ? 'no siteUrl is set to make it absolute (siteUrl: "https://www.example.com")' : `it is no URL under siteUrl ${JSON.stringify(siteUrl)}`}; nothing was sent`,
        retryable: false,
      });
    }
  }
  return out;
}

/** A purger from a client's planning function and its transport. */
export function definePurger(
  name: PurgeTarget,
  supports: PurgeSupport,
  options: PurgeClientOptions,
  plan: (input: NormalisedInput, soft: boolean) => PlannedPurge,
  transport: Omit<Transport, 'fetch' | 'clock' | 'retry'> = {},
): Purger {
  const full: Transport = { ...transport, fetch: options.fetch, clock: options.clock, retry: options.retry };
  return {
    name,
    supports,
    async purge(input, call = {}) {
      const soft = call.soft ?? options.soft ?? false;
      let planned: PlannedPurge;
      try {
        planned = plan(normalise(input), soft);
      } catch (error) {
        planned = emptyPlan();
        planned.failures.push({ code: 'invalid-input', message: `${name}: cannot plan the purge (${error instanceof Error ? error.message : String(error)})`, retryable: false });
      }
      return runPurge(name, planned, { dryRun: call.dryRun ?? false, soft }, full);
    },
  };
}
