import type { BuildSummary } from '@alphanode/site/node';

// The URLs and keys a line names before "…": enough to see what a save touched, short enough for one line.
const FIRST = 3;

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

function firstFew(items: readonly string[]): string {
  if (items.length === 0) return '';
  return ` (${items.slice(0, FIRST).join(', ')}${items.length > FIRST ? ', …' : ''})`;
}

/** Whether a rebuild changed what the site serves: a page built or removed, or a URL to purge. */
export function changedSomething(summary: BuildSummary): boolean {
  return summary.built + summary.removed > 0 || summary.purge.urls.length + summary.purge.keys.length > 0;
}

/**
 * The one line `alphanode dev` prints for a rebuild: what it did, how long it took, and the purge
 * plan a deploy of this build would send, its counts and first few URLs and keys.
 *
 * rebuilt in 84 ms: 1 built, 0 removed; would purge 3 URLs (/posts/a, /posts/a.json, /) and 1 key (post-a)
 */
export function rebuildLine(summary: BuildSummary, cause?: string): string {
  const { urls, keys } = summary.purge;
  const skipped = summary.skipped > 0 ? `, ${summary.skipped} skipped` : '';
  const purge = urls.length + keys.length === 0 ? 'nothing to purge' : `would purge ${plural(urls.length, 'URL')}${firstFew(urls)} and ${plural(keys.length, 'key')}${firstFew(keys)}`;
  return `${cause === undefined ? '' : `${cause}: `}rebuilt in ${Math.round(summary.ms)} ms: ${summary.built} built, ${summary.removed} removed${skipped}; ${purge}\n`;
}
