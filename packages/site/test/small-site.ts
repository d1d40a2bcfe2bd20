import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus } from '@alphanode/cli/generate';
import { parsePostOrThrow, stringifyPost } from '@alphanode/parser';

/**
 * Writes `count` generated posts to `dir/content`, the first with one more image whose source is
 * only a host name and which has no URL (the theme's placeholder), and returns their file names.
 */
export function writeSmallSite(dir: string, count: number, seed = 5): string[] {
  mkdirSync(path.join(dir, 'content'), { recursive: true });
  return generateCorpus({ count, seed }).map(({ fileName, text }, i) => {
    let source = text;
    if (i === 0) {
      const post = parsePostOrThrow(text);
      post.body.push({ type: 'paragraph', text: 'the diagram below was never uploaded.' }, { type: 'image', caption: 'a diagram of the cache layers', source: 'dummyimage.com' });
      source = stringifyPost(post);
    }
    writeFileSync(path.join(dir, 'content', fileName), source);
    return fileName;
  });
}
