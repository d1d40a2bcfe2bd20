import { readdirSync, readFileSync } from 'node:fs';
import { generateCorpus } from '@alphanode/cli';
import { parsePostOrThrow, type Post } from '@alphanode/parser';

export interface CorpusPost {
  text: string;
  post: Post;
}

const seedsDir = new URL('../../packages/parser/test/fixtures/seeds/', import.meta.url);

/** The two real sample posts, kept in the parser's fixtures (also in examples/content). */
export function seedCorpus(): CorpusPost[] {
  return readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = readFileSync(new URL(name, seedsDir), 'utf8');
      return { text, post: parsePostOrThrow(text, { file: name }) };
    });
}

/** The corpus every suite measures on: 500 generated posts (fixed seed) plus the two seeds. */
export function benchCorpus(): { label: string; posts: CorpusPost[] } {
  const generated = generateCorpus({ count: 500, seed: 42 }).map(({ fileName, text }) => ({ text, post: parsePostOrThrow(text, { file: fileName }) }));
  return { label: '500 from `alphanode generate --seed 42` + the 2 seeds', posts: [...generated, ...seedCorpus()] };
}
