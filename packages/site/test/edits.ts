import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus } from '@alphanode/cli/generate';
import { parsePost, stringifyPost, type Post } from '@alphanode/parser';
import fc from 'fast-check';

// Titles that broke the old slugs: dots, underscores, accents, scripts with and without a
// transliteration, past 80 characters, and plain duplicates (drawn twice).
const TITLES = [
  'Résumé tips for Node.js',
  'resume tips for node js',
  'snake_case and dot.case in config files',
  '日本語のタイトル',
  '日本語のタイトル 2',
  'Кэширование в Go',
  'Мониторинг в Go',
  'Ελληνικά και caching',
  `${'a very long title about caching headers at the edge '.repeat(3)}end`,
  'alpha',
  'beta',
  '🚀🚀🚀',
];
// Topics that slugify alike, one past the 80 characters of a slug, and ones with no Latin letters.
const TOPICS = ['caching / go', 'caching: go', 'Caching Go', 'performance', 'Слой кэша', `${'edge caching for busy sites '.repeat(4)}end`, '🚀🔥', '日本語'];

export type Edit =
  | { kind: 'retitle'; at: number; title: string }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'body'; at: number; text: string }
  | { kind: 'topic'; at: number; topic: string }
  | { kind: 'date'; at: number; date: string }
  | { kind: 'add'; seed: number; date?: string }
  | { kind: 'remove'; at: number };

/**
 * A post's date (its "last reviewed"), YYYY-MM-DD: anywhere from 2018 to 2026, where the generated
 * posts' dates are, so a new or redated post lands anywhere in a listing; often one of a few fixed
 * days, so that dates tie and the order falls to titles.
 */
export const postDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('2018-01-01', '2021-06-15', '2026-12-31'),
  fc.integer({ min: Date.UTC(2018, 0, 1) / 86_400_000, max: Date.UTC(2026, 11, 31) / 86_400_000 }).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10)),
);

/** One edit to a corpus, as an importer's next batch might make it. */
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('retitle' as const), at: fc.nat(), title: fc.constantFrom(...TITLES) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('body' as const), at: fc.nat(), text: fc.stringMatching(/^[a-z]{3,12}( [a-z]{2,9}){2,6}\.$/) }),
  fc.record({ kind: fc.constant('topic' as const), at: fc.nat(), topic: fc.constantFrom(...TOPICS) }),
  fc.record({ kind: fc.constant('date' as const), at: fc.nat(), date: postDate }),
  fc.record({ kind: fc.constant('add' as const), seed: fc.nat({ max: 10_000 }) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
);

/** A folder of post files (`content/`) and the names in it. */
export interface Corpus {
  dir: string;
  files: string[];
}

/** `count` generated posts written to `dir/content`, as the corpus the edits apply to. */
export function writeCorpus(dir: string, count: number, seed: number): Corpus {
  mkdirSync(path.join(dir, 'content'), { recursive: true });
  const files = generateCorpus({ count, seed }).map(({ fileName, text }) => {
    writeFileSync(path.join(dir, 'content', fileName), text);
    return fileName;
  });
  return { dir, files };
}

const read = (corpus: Corpus, file: string): Post | undefined => {
  const result = parsePost(readFileSync(path.join(corpus.dir, 'content', file), 'utf8'));
  return result.ok ? result.post : undefined;
};
const write = (corpus: Corpus, file: string, post: Post) => writeFileSync(path.join(corpus.dir, 'content', file), stringifyPost(post));
const dated = (post: Post, date: string): Post => ({ ...post, meta: { ...post.meta, revision: { ...post.meta.revision, lastReviewed: date } } });

/** One batch of edits, applied to the source files (a batch may touch a post more than once). */
export function apply(corpus: Corpus, edits: readonly Edit[]): void {
  for (const change of edits) {
    if (change.kind === 'add') {
      const [made] = generateCorpus({ count: 1, seed: change.seed + 1000 });
      const file = `new-${change.seed}-${corpus.files.length}.txt`;
      const text = (made as { text: string }).text;
      const parsed = change.date === undefined ? undefined : parsePost(text);
      if (parsed?.ok && change.date !== undefined) write(corpus, file, dated(parsed.post, change.date));
      else writeFileSync(path.join(corpus.dir, 'content', file), text);
      corpus.files.push(file);
      continue;
    }
    if (corpus.files.length === 0) continue;
    const file = corpus.files[change.at % corpus.files.length] as string;
    const post = read(corpus, file);
    if (!post) continue;
    if (change.kind === 'remove') {
      rmSync(path.join(corpus.dir, 'content', file));
      corpus.files.splice(corpus.files.indexOf(file), 1);
    } else if (change.kind === 'retitle') write(corpus, file, { ...post, title: change.title });
    else if (change.kind === 'topic') write(corpus, file, { ...post, meta: { ...post.meta, topic: change.topic } });
    else if (change.kind === 'date') write(corpus, file, dated(post, change.date));
    else if (change.kind === 'body') write(corpus, file, { ...post, body: [...post.body, { type: 'paragraph', text: change.text }] });
    else {
      const otherFile = corpus.files[change.with % corpus.files.length] as string;
      const other = read(corpus, otherFile);
      if (!other || otherFile === file) continue;
      write(corpus, file, { ...post, title: other.title });
      write(corpus, otherFile, { ...other, title: post.title });
    }
  }
}

