import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, edit, writeCorpus } from '../../test/edits.ts';
import { servedPages } from '../../test/out-dir.ts';
import { buildSite, type BuildOptions } from './build-site.ts';

const rules = readFileSync(fileURLToPath(new URL('../../../../examples/rules.yaml', import.meta.url)), 'utf8');

/** Every source's text by its path relative to the site folder. */
function sources(dir: string): Map<string, string> {
  const files = readdirSync(path.join(dir, 'content'));
  return new Map(files.map((name) => [`content/${name}`, readFileSync(path.join(dir, 'content', name), 'utf8')]));
}

/** The paths whose text changed, appeared or went: what a watcher reports. */
function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file));
}

describe('buildSite with changedFiles (what alphanode dev passes)', () => {
  it('builds, writes and plans exactly what a build that lists every source does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }), fc.nat({ max: 1000 }), async (batches, seed) => {
        const root = mkdtempSync(path.join(tmpdir(), 'alphanode-changed-'));
        try {
          // Two copies of one site: one rebuilt as a watcher drives it, the other listing everything.
          const [hinted, full] = ['hinted', 'full'].map((name) => ({ corpus: writeCorpus(path.join(root, name), 8, seed), dir: path.join(root, name) }));
          const options = (dir: string): BuildOptions => ({ patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules, workers: 0 });
          for (const site of [hinted, full]) if (site) await buildSite(options(site.dir));
          for (const batch of batches) {
            const before = sources(hinted?.dir as string);
            for (const site of [hinted, full]) if (site) apply(site.corpus, batch);
            const changedFiles = changedPaths(before, sources(hinted?.dir as string));
            const a = await buildSite({ ...options(hinted?.dir as string), changedFiles });
            const b = await buildSite(options(full?.dir as string));
            expect([a.built, a.unchanged, a.skipped, a.removed, a.purge]).toEqual([b.built, b.unchanged, b.skipped, b.removed, b.purge]);
            expect(servedPages(path.join(hinted?.dir as string, 'dist'))).toEqual(servedPages(path.join(full?.dir as string, 'dist')));
          }
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env['ALPHANODE_PROPERTY_RUNS'] ?? 10) },
    );
  }, 240_000);

  it('misses a change the watcher did not report, which a build listing everything then finds', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'alphanode-changed-'));
    try {
      const corpus = writeCorpus(root, 4, 7);
      const options: BuildOptions = { patterns: 'content/*.txt', cwd: root, outDir: 'dist', rules, workers: 0 };
      await buildSite(options);
      apply(corpus, [{ kind: 'body', at: 0, text: 'an edit no watcher saw.' }]);
      expect((await buildSite({ ...options, changedFiles: [] })).built).toBe(0);
      expect((await buildSite(options)).built).toBe(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
