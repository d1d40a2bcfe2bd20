import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seedsDir } from './helpers.ts';

export const SEED_FILES = ['000_27b4b2d52350f568.txt', '001_b1a441183c0bf237.txt'] as const;
export const seed = (index: 0 | 1): string => readFileSync(path.join(seedsDir, SEED_FILES[index]), 'utf8');

/** Posts with known findings, written into `dir`: one clean, one with a lint warning, one broken, one CRLF. */
export async function writeMixedPosts(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'posts'), { recursive: true });
  const write = (name: string, text: string) => writeFile(path.join(dir, 'posts', name), text);
  await write('a-good.txt', seed(0));
  await write('b-warning.txt', seed(0).replace('paragraphs: 8', 'paragraphs: 7'));
  await write('c-broken.txt', seed(0).slice(0, seed(0).indexOf('view count')));
  await write('d-crlf.txt', seed(1).replace(/\n/g, '\r\n'));
}
