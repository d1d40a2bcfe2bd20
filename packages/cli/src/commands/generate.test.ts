import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo, tempDir } from '../../test/helpers.ts';
import { generateCorpus } from '../generate/generate-corpus.ts';
import { runCli } from '../run-cli.ts';

let dir = '';
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

async function generate(out: string, ...args: string[]): Promise<Map<string, string>> {
  const io = captureIo(dir);
  expect(await runCli(['generate', '--out', out, ...args], io)).toBe(0);
  expect(io.err()).toBe('');
  const names = (await readdir(path.join(dir, out))).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, out, name), 'utf8')] as const)));
}

describe('alphanode generate', () => {
  it('writes --count posts named like the seeds, the corpus generateCorpus returns', async () => {
    const files = await generate('a', '--count', '12', '--seed', '7');
    expect([...files.keys()].every((name) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(name))).toBe(true);
    expect(files).toEqual(new Map(generateCorpus({ count: 12, seed: 7 }).map((file) => [file.fileName, file.text])));
  });

  it('writes byte-identical files for the same seed and different ones for another', async () => {
    const first = await generate('b1', '--count', '8', '--seed', '3', '--hostile');
    const again = await generate('b2', '--count', '8', '--seed', '3', '--hostile');
    const other = await generate('b3', '--count', '8', '--seed', '4', '--hostile');
    expect(again).toEqual(first);
    expect([...other.keys()].filter((name) => first.has(name))).toEqual([]);
  });

  it('writes posts that check passes: plain ones clean, hostile ones with at most value-format warnings', async () => {
    await generate('c/plain', '--count', '40', '--seed', '21');
    await generate('c/hostile', '--count', '40', '--seed', '21', '--hostile');
    const plain = captureIo(dir);
    expect(await runCli(['check', 'c/plain/*.txt'], plain)).toBe(0);
    expect(plain.out()).toMatch(/^checked 40 files: 40 ok, 0 with warnings, 0 with errors/);
    const hostile = captureIo(dir);
    expect(await runCli(['check', 'c/hostile/*.txt'], hostile)).toBe(0);
    const findings = hostile.out().trimEnd().split('\n').slice(0, -1);
    expect(findings.every((line) => line.includes(': warning value-format: '))).toBe(true);
  });

  it('defaults to 10 posts and seed 1, and says what it wrote', async () => {
    const io = captureIo(dir);
    expect(await runCli(['generate', '--out', 'd'], io)).toBe(0);
    expect(io.out()).toBe('wrote 10 posts to d (seed 1)\n');
    expect(await readdir(path.join(dir, 'd'))).toHaveLength(10);
  });

  it('draws a progress bar on stderr only when stderr is a terminal', async () => {
    const io = captureIo(dir, { tty: true });
    expect(await runCli(['generate', '--out', 'e', '--count', '3'], io)).toBe(0);
    expect(io.err()).toContain('3/3 100%');
    expect(io.err().endsWith('\r\x1b[2K')).toBe(true);
    expect(io.out()).toBe('wrote 3 posts to e (seed 1)\n');
  });

  it('reports a directory it cannot write to and exits 1', async () => {
    await writeFile(path.join(dir, 'a-file'), '');
    const io = captureIo(dir);
    expect(await runCli(['generate', '--out', 'a-file/posts'], io)).toBe(1);
    expect(io.err()).toMatch(/^alphanode generate: could not write .*a-file\/posts: /);
  });

  it.each([[[]], [['--out', 'x', '--count', '-1']], [['--out', 'x', '--count', 'ten']], [['--out', 'x', '--seed', '1.5']], [['--out', 'x', 'extra']], [['--out', 'x', '--seed']]])(
    'rejects %j with exit 2 and the usage',
    async (args) => {
      const io = captureIo(dir);
      expect(await runCli(['generate', ...args], io)).toBe(2);
      expect(io.err()).toContain('usage: alphanode generate');
    },
  );
});
