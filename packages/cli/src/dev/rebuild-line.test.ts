import type { BuildSummary } from '@alphanode/site/node';
import { describe, expect, it } from 'vitest';
import { changedSomething, rebuildLine } from './rebuild-line.ts';

const summary = (part: Partial<BuildSummary>): BuildSummary => ({ built: 0, unchanged: 10, skipped: 0, removed: 0, written: [], diagnostics: [], purge: { keys: [], urls: [], urlsWithoutKey: [] }, moved: [], ms: 83.6, ...part });

describe('rebuildLine', () => {
  it('says what was built and removed, in how long, and the first few URLs and keys a deploy would purge', () => {
    const purge = { urls: ['/', '/posts/a', '/posts/a.json', '/topics/go'], keys: ['post-a'], urlsWithoutKey: ['/'] };
    expect(rebuildLine(summary({ built: 1, purge }))).toBe('rebuilt in 84 ms: 1 built, 0 removed; would purge 4 URLs (/, /posts/a, /posts/a.json, …) and 1 key (post-a)\n');
    expect(rebuildLine(summary({ removed: 2, skipped: 1, purge: { urls: ['/'], keys: [], urlsWithoutKey: ['/'] } }), 'rules changed')).toBe('rules changed: rebuilt in 84 ms: 0 built, 2 removed, 1 skipped; would purge 1 URL (/) and 0 keys\n');
    expect(rebuildLine(summary({ skipped: 1 }))).toBe('rebuilt in 84 ms: 0 built, 0 removed, 1 skipped; nothing to purge\n');
  });

  it('counts a rebuild as a change when a page was built or removed, or a URL or key is to purge', () => {
    expect(changedSomething(summary({}))).toBe(false);
    expect(changedSomething(summary({ skipped: 1 }))).toBe(false);
    expect(changedSomething(summary({ built: 1 }))).toBe(true);
    expect(changedSomething(summary({ removed: 1 }))).toBe(true);
    expect(changedSomething(summary({ purge: { urls: ['/'], keys: [], urlsWithoutKey: [] } }))).toBe(true);
  });
});
