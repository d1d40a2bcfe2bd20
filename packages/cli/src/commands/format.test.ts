import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo, seedsDir, tempDir } from '../../test/helpers.ts';
import { SEED_FILES, seed, writeMixedPosts } from '../../test/posts.ts';
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

  it('exits 1 for a file it cannot read and 2 without a file', async () => {
    const missing = captureIo(dir);
    expect(await runCli(['format', 'nope.txt'], missing)).toBe(1);
    expect(missing.err()).toContain('error read-failed');
    const none = captureIo(dir);
    expect(await runCli(['format'], none)).toBe(2);
    expect(none.err()).toContain('usage: alphanode format FILE');
  });
});
