import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../test/edits.ts';
import { buildSite, type BuildOptions } from './build-site.ts';
import { readManifest } from './manifest-store.ts';

const rules = readFileSync(fileURLToPath(new URL('../../../../examples/rules.yaml', import.meta.url)), 'utf8');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alphanode-warm-'));
  writeCorpus(dir, 6, 21);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('buildSite({ warm })', () => {
  // A copy of a built site is one this process never wrote: its manifest is decoded on each read,
  // unless a warm run that found nothing changed kept it.
  const copied = async (warm: boolean) => {
    const options: BuildOptions = { patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules };
    await buildSite(options);
    cpSync(path.join(dir, 'dist'), path.join(dir, 'copy'), { recursive: true });
    const summary = await buildSite({ ...options, outDir: 'copy', warm });
    expect(summary).toMatchObject({ built: 0, unchanged: 6, written: [] });
    return path.join(dir, 'copy');
  };

  it('keeps the manifest of a run that changed nothing decoded, for the next run to start from', async () => {
    const out = await copied(true);
    const kept = readManifest(out);
    expect(kept?.manifest.posts).toBeDefined();
    expect(readManifest(out)).toBe(kept);
  });

  it('does not without it', async () => {
    const out = await copied(false);
    expect(readManifest(out)).not.toBe(readManifest(out));
  });
});
