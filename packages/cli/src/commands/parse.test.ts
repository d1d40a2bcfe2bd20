import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePost } from '@alphanode/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo, seedsDir, tempDir } from '../../test/helpers.ts';
import { SEED_FILES, seed, writeMixedPosts } from '../../test/posts.ts';
import { runCli } from '../run-cli.ts';

let dir = '';
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeMixedPosts(dir);
  await writeFile(path.join(dir, 'posts', 'unknown-label.txt'), seed(0).replace('\nnotes\n', '\ncolour scheme\nnotes\n'));
});
afterAll(() => cleanup());

describe('alphanode parse', () => {
  it.each([0, 1] as const)('prints seed %i as JSON, exactly the post parsePost reads', async (index) => {
    const io = captureIo(seedsDir);
    expect(await runCli(['parse', SEED_FILES[index], '--json'], io)).toBe(0);
    const expected = parsePost(seed(index));
    expect(expected.ok && JSON.parse(io.out())).toEqual(expected.ok && JSON.parse(JSON.stringify(expected.post)));
    expect(io.err()).toBe('');
  });

  it('describes the post in a few lines without --json', async () => {
    const io = captureIo(seedsDir);
    expect(await runCli(['parse', SEED_FILES[1]], io)).toBe(0);
    expect(io.out()).toMatchInlineSnapshot(`
      "title: practical guide to improving asset delivery with python services
      body: 13 blocks (5 paragraph, 3 heading, 1 list, 1 code, 3 image)
      topic: improving asset delivery / python services
      code language: python
      similar posts: 0
      "
    `);
  });

  it('reports errors as FILE:LINE:COL: error CODE lines on stderr and exits 1', async () => {
    const io = captureIo(dir);
    expect(await runCli(['parse', 'posts/c-broken.txt', '--json'], io)).toBe(1);
    expect(io.out()).toBe('');
    const lines = io.err().trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^posts\/c-broken\.txt:\d+:\d+: (error [a-z-]+: .+\(retrying will not help: fix the input\)|warning [a-z-]+: .+)$/);
    expect(io.err()).toContain('error missing-field: the meta block has no "view count" field');
  });

  it('prints warnings on stderr but succeeds; --strict makes them fail', async () => {
    const io = captureIo(dir);
    expect(await runCli(['parse', 'posts/unknown-label.txt', '--json'], io)).toBe(0);
    expect(io.err()).toMatch(/^posts\/unknown-label\.txt:\d+:1: warning unknown-label: /);
    expect(JSON.parse(io.out()).meta.extra).toEqual({ 'colour scheme': '' });

    const strict = captureIo(dir);
    expect(await runCli(['parse', 'posts/unknown-label.txt', '--json', '--strict'], strict)).toBe(1);
    expect(strict.err()).toMatch(/: error unknown-label: /);
    expect(strict.out()).toBe('');
  });

  it('reports a file it cannot read as a read-failed diagnostic', async () => {
    const io = captureIo(dir);
    expect(await runCli(['parse', 'posts/missing.txt'], io)).toBe(1);
    expect(io.err()).toMatch(/^posts\/missing\.txt:1:1: error read-failed: could not read the file \(ENOENT\): .+\(retrying will not help: fix the input\)\n$/);
  });

  it.each([[['parse']], [['parse', 'a.txt', 'b.txt']], [['parse', 'a.txt', '--bogus']]])('rejects the command line %j with exit 2 and the usage', async (args) => {
    const io = captureIo(dir);
    expect(await runCli(args, io)).toBe(2);
    expect(io.err()).toContain('usage: alphanode parse FILE');
  });
});
