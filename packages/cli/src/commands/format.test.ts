import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The parser's mutator, by path: one definition of what a mutant of a post is, for both packages.
import { mutantOf } from '../../../parser/test/mutants.ts';
import { captureIo, seedsDir, tempDir } from '../../test/helpers.ts';
import { SEED_FILES, seed, writeMixedPosts } from '../../test/posts.ts';
import { generateCorpus } from '../generate/generate-corpus.ts';
import { runCli } from '../run-cli.ts';

let dir = '';
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeMixedPosts(dir);
});
afterAll(() => cleanup());

describe('alphanode format', () => {
  it.each([0, 1] as const)('prints seed %i back byte for byte', async (index) => {
    const io = captureIo(seedsDir);
    expect(await runCli(['format', SEED_FILES[index]], io)).toBe(0);
    expect(io.out()).toBe(seed(index));
    expect(io.err()).toBe('');
  });

  it('normalises CRLF line endings to LF and says so on stderr', async () => {
    const io = captureIo(dir);
    expect(await runCli(['format', 'posts/d-crlf.txt'], io)).toBe(0);
    expect(io.out()).toBe(seed(1));
    expect(io.err()).toMatch(/^posts\/d-crlf\.txt:1:2: info crlf-line-endings: /);
  });

  it('prints nothing on stdout and exits 1 with diagnostics for a broken post', async () => {
    const io = captureIo(dir);
    expect(await runCli(['format', 'posts/c-broken.txt'], io)).toBe(1);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/^posts\/c-broken\.txt:\d+:\d+: error missing-field: /m);
  });

  it('never writes a file that check rejects, on mutants of the seeds and of generated posts (property)', async () => {
    // The seeds as the parser's fixtures hold them, inside the repository.
    const seeds = SEED_FILES.map((name) => readFileSync(new URL(`../../../parser/test/fixtures/seeds/${name}`, import.meta.url), 'utf8'));
    const sources = [...seeds, ...generateCorpus({ count: 4, seed: 9, hostile: true }).map((file) => file.text)];
    await fc.assert(
      fc.asyncProperty(mutantOf(sources), async ({ text }) => {
        await writeFile(path.join(dir, 'mutant.txt'), text);
        const format = captureIo(dir);
        if ((await runCli(['format', 'mutant.txt'], format)) !== 0) return;
        await writeFile(path.join(dir, 'formatted.txt'), format.out());
        const check = captureIo(dir);
        expect(await runCli(['check', 'formatted.txt'], check), check.out()).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('exits 1 for a file it cannot read and 2 without a file', async () => {
    const missing = captureIo(dir);
    expect(await runCli(['format', 'nope.txt'], missing)).toBe(1);
    expect(missing.err()).toContain('error read-failed');
    const none = captureIo(dir);
    expect(await runCli(['format'], none)).toBe(2);
    expect(none.err()).toContain('usage: alphanode format FILE');
  });
});
