import { readdirSync, readFileSync } from 'node:fs';
import { parsePostOrThrow, type Post } from '@alphanode/parser';

const seedsDir = new URL('../../parser/test/fixtures/seeds/', import.meta.url);

/** The real sample posts (kept in the parser's fixtures), parsed. */
export function seedPosts(): { name: string; post: Post }[] {
  return readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, post: parsePostOrThrow(readFileSync(new URL(name, seedsDir), 'utf8'), { file: name }) }));
}

/** Seed `index` (0: no images; 1: three images and code). */
export function seedPost(index: number): Post {
  const seed = seedPosts()[index];
  if (seed === undefined) throw new Error(`no seed ${index} in ${seedsDir.pathname}`);
  return structuredClone(seed.post);
}
