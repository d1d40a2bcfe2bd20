import { stringifyPost } from '@alphanode/parser';
import { contentHash } from './content-hash.ts';
import { generatePostAt, type GeneratePostsOptions } from './generate-posts.ts';

/** One file of a generated corpus: its name and its text in the post format. */
export interface CorpusFile {
  /** `NNN_<16 hex digits of a hash of the text>.txt`, like the seed posts; wider indexes past 999. */
  fileName: string;
  text: string;
}

/** The name of file `index` of a `count`-file corpus. */
export function corpusFileName(index: number, count: number, text: string): string {
  const width = Math.max(3, String(Math.max(0, count - 1)).length);
  return `${String(index).padStart(width, '0')}_${contentHash(text)}.txt`;
}

/** File `index` of a `count`-file corpus, so a writer can go one file at a time. */
export function corpusFileAt(index: number, options: GeneratePostsOptions): CorpusFile {
  const text = stringifyPost(generatePostAt(index, options));
  return { fileName: corpusFileName(index, options.count, text), text };
}

/**
 * A corpus of synthetic posts as files: the same options give byte-identical names and texts.
 *
 * @example
 * import { generateCorpus } from '@alphanode/cli';
 * for (const { fileName, text } of generateCorpus({ count: 50, seed: 7 })) await writeFile(join(dir, fileName), text);
 */
export function generateCorpus(options: GeneratePostsOptions): CorpusFile[] {
  return Array.from({ length: Math.max(0, Math.floor(options.count)) }, (_, index) => corpusFileAt(index, options));
}
