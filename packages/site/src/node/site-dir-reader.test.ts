import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDirReader } from './site-dir-reader.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alphanode-dir-reader-'));
  mkdirSync(path.join(dir, 'site', 'posts', 'a'), { recursive: true });
  writeFileSync(path.join(dir, 'site', 'posts', 'a', 'index.html'), '<p>a</p>');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('siteDirReader', () => {
  it('reads a file by its path in the site, and nothing missing or outside it', async () => {
    const read = siteDirReader(path.join(dir, 'site'));
    expect(await read('posts/a/index.html')).toBe('<p>a</p>');
    expect(await read('posts/b/index.html')).toBeUndefined();
    expect(await read('posts')).toBeUndefined();
    expect(await read('../secret.txt')).toBeUndefined();
    expect(await read(path.join(dir, 'secret.txt'))).toBeUndefined();
  });
});
