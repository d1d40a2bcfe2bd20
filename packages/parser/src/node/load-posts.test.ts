import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedText } from '../../test/paths.ts';
import { loadPost, loadPosts, type LoadedPost } from './load-posts.ts';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alphanode-load-'));
  mkdirSync(path.join(dir, 'posts/nested'), { recursive: true });
  const [first, second] = [seedText(0), seedText(1)];
  writeFileSync(path.join(dir, 'posts/a.txt'), first);
  writeFileSync(path.join(dir, 'posts/b.txt'), second.replace('reading time5', 'reading timeten'));
  writeFileSync(path.join(dir, 'posts/c.txt'), new Uint8Array([0x7c, 0x0a, 0x0a, 0x00, 0xff, 0xfe]));
  writeFileSync(path.join(dir, 'posts/nested/d.txt'), second);
  writeFileSync(path.join(dir, 'posts/ignored.md'), 'not a post');
  writeFileSync(path.join(dir, 'posts/e.txt'), 'read fails in the test');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(iterable: AsyncIterable<LoadedPost>): Promise<LoadedPost[]> {
  const all: LoadedPost[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}

describe('loadPosts', () => {
  it('yields every matched file in path order, good or bad, and goes on past bad ones', async () => {
    const failing = (code: string) => async (file: string) => {
      if (file.endsWith('e.txt')) throw Object.assign(new Error(`${code}: cannot read ${file}`), { code });
      return readFile(file);
    };
    const loaded = await collect(loadPosts('posts/**/*.txt', { cwd: dir, concurrency: 2, readFile: failing('ENOENT') }));
    expect(loaded.map(({ file, result }) => [file, result.ok])).toEqual([
      ['posts/a.txt', true],
      ['posts/b.txt', false],
      ['posts/c.txt', false],
      ['posts/e.txt', false],
      ['posts/nested/d.txt', true],
    ]);
    const [, bad, binary, unreadable] = loaded as [LoadedPost, LoadedPost, LoadedPost, LoadedPost];
    expect(bad.result.diagnostics).toMatchObject([{ code: 'invalid-number', file: 'posts/b.txt', line: 64, column: 13 }]);
    expect(binary.result.diagnostics.map((d) => d.code)).toContain('binary-content');
    expect(unreadable.result.diagnostics).toMatchObject([{ code: 'read-failed', file: 'posts/e.txt', retryable: false, line: 1, column: 1 }]);
    expect(unreadable.result.diagnostics[0]?.message).toMatch(/ENOENT/);
    const busy = await collect(loadPosts('posts/e.txt', { cwd: dir, readFile: failing('EMFILE') }));
    expect(busy[0]?.result.diagnostics).toMatchObject([{ code: 'read-failed', retryable: true }]);
  });

  it('gives the same results whatever the concurrency', async () => {
    const one = await collect(loadPosts(['posts/*.txt', 'posts/nested/*.txt'], { cwd: dir, concurrency: 1 }));
    const many = await collect(loadPosts(['posts/*.txt', 'posts/nested/*.txt'], { cwd: dir, concurrency: 16 }));
    const comparable = (loaded: LoadedPost[]) => loaded.map(({ file, result }) => ({ file, ok: result.ok, diagnostics: result.diagnostics, post: result.ok && result.post }));
    expect(comparable(many)).toEqual(comparable(one));
  });

  it('passes strict on to the parser', async () => {
    writeFileSync(path.join(dir, 'posts/strict.txt'), seedText(0).replace('difficultybeginner', 'difficultybeginner\nauthorjane'));
    const [lenient] = await collect(loadPosts('posts/strict.txt', { cwd: dir }));
    const [strict] = await collect(loadPosts('posts/strict.txt', { cwd: dir, strict: true }));
    expect(lenient?.result.ok).toBe(true);
    expect(strict?.result.ok).toBe(false);
  });
});

describe('loadPost', () => {
  it('reads one file, and an unreadable one is a diagnostic', async () => {
    const { result } = await loadPost('posts/a.txt', { cwd: dir });
    expect(result.ok).toBe(true);
    const missing = await loadPost('posts/none.txt', { cwd: dir });
    expect(missing.result.diagnostics).toMatchObject([{ code: 'read-failed', file: 'posts/none.txt', retryable: false }]);
  });
});
