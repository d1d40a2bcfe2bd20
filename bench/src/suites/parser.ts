import { parsePost } from '@alphanode/parser';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { benchCorpus } from '../corpus.ts';
import { measure, table } from '../measure.ts';
import { postToMarkdown } from '../post-to-markdown.ts';
import type { Suite } from '../suite.ts';

const byteLength = (texts: readonly string[]) => texts.reduce((sum, text) => sum + new TextEncoder().encode(text).length, 0);

/**
 * Parse throughput on one corpus, three ways: our parser on the post format; JSON.parse of the
 * same Posts as JSON (the floor a typed reader can hope for); gray-matter + markdown-it on the same
 * posts as Markdown with YAML front matter (what a user would pick instead).
 */
export const parserSuite: Suite = {
  name: 'parser',
  async run() {
    const corpus = benchCorpus();
    const texts = corpus.posts.map((entry) => entry.text);
    const json = corpus.posts.map((entry) => JSON.stringify(entry.post));
    const markdown = corpus.posts.map((entry) => postToMarkdown(entry.post));
    const md = new MarkdownIt();
    const n = corpus.posts.length;
    const rows = [
      measure('alphanode parsePost (post format)', () => texts.forEach((text) => parsePost(text)), n),
      measure('JSON.parse (same posts as JSON)', () => json.forEach((text) => JSON.parse(text)), n),
      // gray-matter caches by input unless options are given; `{}` keeps every call a real parse.
      measure('gray-matter + markdown-it (Markdown + YAML)', () => markdown.forEach((text) => md.parse(matter(text, {}).content, {})), n),
    ];
    const sizes = [byteLength(texts) / n, byteLength(json) / n, byteLength(markdown) / n];
    const [ours, jsonRow, peer] = rows.map((row) => row.nsPerOp) as [number, number, number];
    return [
      `${n} posts (${corpus.label}), ${((sizes[0] as number) / 1024).toFixed(1)} KiB each on average; the last column is time relative to the first row`,
      table(rows, sizes),
      `  → our parse takes ${(ours / jsonRow).toFixed(2)}x the time of JSON.parse (target <= 1.00x); gray-matter + markdown-it take ${(peer / ours).toFixed(1)}x ours (target >= 20x)`,
    ].join('\n');
  },
};
