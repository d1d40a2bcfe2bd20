import { parsePost, stringifyPost } from '@alphanode/parser';
import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.ts';
import { corpusFileName, generateCorpus } from './generate-corpus.ts';
import { generatePosts } from './generate-posts.ts';

describe('generateCorpus', () => {
  it('names files NNN_<16 hex of the text>.txt, like the seeds', () => {
    const files = generateCorpus({ count: 12, seed: 3 });
    expect(files.map((file) => file.fileName.slice(0, 4))).toEqual(Array.from({ length: 12 }, (_, i) => `${String(i).padStart(3, '0')}_`));
    for (const { fileName, text } of files) expect(fileName).toBe(`${fileName.slice(0, 3)}_${contentHash(text)}.txt`);
  });

  it('writes each post with stringifyPost, and parsePost reads it without errors', () => {
    const files = generateCorpus({ count: 10, seed: 4, hostile: true });
    const posts = generatePosts({ count: 10, seed: 4, hostile: true });
    expect(files.map((file) => file.text)).toEqual(posts.map(stringifyPost));
    for (const { text } of files) expect(parsePost(text).ok).toBe(true);
  });

  it('is byte-identical for a seed and differs for another', () => {
    expect(generateCorpus({ count: 30, seed: 11 })).toEqual(generateCorpus({ count: 30, seed: 11 }));
    const names = (seed: number) => new Set(generateCorpus({ count: 30, seed }).map((file) => file.fileName));
    const overlap = [...names(11)].filter((name) => names(12).has(name));
    expect(overlap).toEqual([]);
  });

  it('gives distinct names within a corpus', () => {
    const files = generateCorpus({ count: 300, seed: 5 });
    expect(new Set(files.map((file) => file.fileName.slice(4))).size).toBe(300);
  });

  it('pins the names of a small corpus, so that a change to what a seed generates shows in review', () => {
    expect(generateCorpus({ count: 3, seed: 1 }).map((file) => file.fileName)).toMatchInlineSnapshot(`
      [
        "000_046e93200556fcb1.txt",
        "001_11ec5eb12ea33d82.txt",
        "002_5cad0bb2aa76ab73.txt",
      ]
    `);
    expect(generateCorpus({ count: 3, seed: 1, hostile: true }).map((file) => file.fileName)).toMatchInlineSnapshot(`
      [
        "000_e4a748e0af246c11.txt",
        "001_92e4484cd68648e3.txt",
        "002_f916906aaaf88686.txt",
      ]
    `);
  });

  it('widens the index past 999 files', () => {
    expect(corpusFileName(7, 1000, 'x')).toMatch(/^007_/);
    expect(corpusFileName(7, 1001, 'x')).toMatch(/^0007_/);
    expect(corpusFileName(0, 0, 'x')).toMatch(/^000_/);
  });
});
