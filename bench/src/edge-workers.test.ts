import { existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleSize } from './bundle-size.ts';
import { edgeWorkers } from './edge-workers.ts';

// `pnpm bench bundle` reports every size; this holds the budgets, so that a change which
// pushes an edge worker over its target fails here rather than in the next bench run. Bundled from
// dist, as users get it; CI builds before it tests, and without a build this is skipped locally.
const dists = ['parser', 'renderer', 'cache-rules'].map((name) => fileURLToPath(new URL(`../../packages/${name}/dist/index.js`, import.meta.url)));
const built = dists.every((file) => existsSync(file));
if (!built && process.env.CI) throw new Error('packages/*/dist is missing: run pnpm build first');

describe('edge workers', () => {
  it("has the issue's three budgets: parsePost alone, renderPost with parsePost, and deciding on compiled rules", () => {
    const budgets = edgeWorkers().flatMap((worker) => (worker.target === undefined ? [] : [[worker.name, worker.target]]));
    expect(Object.fromEntries(budgets)).toEqual({ parsePost: 25_000, 'renderPost + parsePost': 40_000, 'decide (compiled rules)': 15_000 });
    const both = edgeWorkers().find((worker) => worker.name === 'renderPost + parsePost')?.code ?? '';
    expect([both.includes('parsePost(await request.text())'), both.includes('renderPost(result.post')]).toEqual([true, true]);
  });

  it.skipIf(!built).each(edgeWorkers().filter((worker) => worker.target !== undefined))('$name bundles within its budget', async ({ name, code, target }) => {
    const size = await bundleSize(name, code);
    expect(size.gzip, `${name}: ${size.gzip} B gzip`).toBeLessThanOrEqual(target ?? 0);
  });
});
