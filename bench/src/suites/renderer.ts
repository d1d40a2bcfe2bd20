import { createSimilarIndex, renderPost, renderPostBody } from '@alphanode/renderer';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { benchCorpus, seedCorpus } from '../corpus.ts';
import { measure, table } from '../measure.ts';
import { postToMarkdown } from '../post-to-markdown.ts';
import type { Suite } from '../suite.ts';

const site = { siteName: 'alphanode notes', baseUrl: 'https://notes.example', lang: 'en' };

/**
 * Render time per post: our whole HTML document (head with Open Graph and JSON-LD, article, meta
 * box) and our article alone, against markdown-it rendering the same post written as Markdown
 * (`postToMarkdown`: YAML front matter, then the body), on the bench corpus and on the two seeds.
 * markdown-it's output is a body fragment only, so "whole file" is the fair peer of our document
 * and "body only" (front matter cut off beforehand, not timed) is the most favourable case for it.
 */
export const rendererSuite: Suite = {
  name: 'renderer',
  async run() {
    const md = new MarkdownIt();
    const lines: string[] = [];
    for (const [label, posts] of [
      ['bench corpus', benchCorpus().posts],
      ['seeds', seedCorpus()],
    ] as const) {
      const items = posts.map(({ post }, i) => ({ post, path: `/posts/${i}`, markdown: postToMarkdown(post) }));
      const bodies = items.map((item) => matter(item.markdown, {}).content);
      const n = items.length;
      const rows = [
        measure('alphanode renderPost (whole document)', () => items.forEach((item) => renderPost(item.post, { ...site, path: item.path })), n),
        measure('alphanode renderPostBody (article)', () => items.forEach((item) => renderPostBody(item.post, site)), n),
        measure('markdown-it render (whole Markdown file)', () => items.forEach((item) => md.render(item.markdown)), n),
        measure('markdown-it render (body only)', () => bodies.forEach((body) => md.render(body)), n),
      ];
      const [ours, , peerWhole, peerBody] = rows.map((row) => row.nsPerOp) as [number, number, number, number];
      lines.push(`${n} posts (${label}); the last column is time relative to the first row`, table(rows));
      lines.push(`  → ${label}: ${(ours / 1000).toFixed(2)} µs per whole document (target <= 20 µs); markdown-it takes ${(peerWhole / ours).toFixed(1)}x ours on the whole file (target >= 10x), ${(peerBody / ours).toFixed(1)}x on the body alone`);
    }
    const corpus = benchCorpus().posts.map(({ post }) => post);
    const build = measure('createSimilarIndex (502 posts)', () => createSimilarIndex(corpus), 1, { rounds: 5, roundMs: 100 });
    const index = createSimilarIndex(corpus);
    const query = measure('similar(post, { limit: 5 })', () => corpus.forEach((post) => index.similar(post)), corpus.length, { rounds: 5, roundMs: 100 });
    lines.push('similar posts', table([build, query]));
    return lines.join('\n');
  },
};
