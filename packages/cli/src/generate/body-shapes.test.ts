import { parsePost, stringifyPost, type Block, type Post } from '@alphanode/parser';
import { PostSchema } from '@alphanode/parser/schema';
import { describe, expect, it } from 'vitest';
import { COMMANDS, KEYWORD_HEADINGS, LEAD_INS, MARKUP_PROSE, ONE_WORD_HEADINGS } from './body-shapes.ts';
import { SNIPPETS } from './code-snippets.ts';
import { generatePosts } from './generate-posts.ts';
import { fill } from './prose.ts';

const base = generatePosts({ count: 1, seed: 1 })[0] as Post;
const subject = { problem: 'cutting database load', stack: 'go microservices', scenario: 'behind a cdn' };

/** A post whose body is `body`, in `codeLanguage`, without images. */
function postWith(body: Block[], codeLanguage: string): Post {
  const blocks = body.map((block) => (block.type === 'code' ? { ...block, lang: codeLanguage } : block));
  return { ...base, body: blocks, meta: { ...base.meta, codeLanguage, imageSources: undefined, flags: { ...base.meta.flags, hasImages: false } } } as Post;
}

function expectReadBack(post: Post): void {
  const checked = PostSchema.safeParse(post);
  expect(checked.success ? [] : checked.error.issues).toEqual([]);
  const back = parsePost(stringifyPost(post));
  expect(back.ok && back.post.body).toEqual(post.body);
}

// Hostile posts may name a language the parser does not know; every shape must read back then too.
const UNKNOWN = 'klingon" onerror="alert(1)';

describe('the hard-to-classify body shapes the generator writes', () => {
  it.each(Object.keys(COMMANDS))('%s: every heading, command, lead-in and markup paragraph reads back as itself', (language) => {
    for (const codeLanguage of [language, UNKNOWN]) {
      // Under an unknown language, only a portable snippet reads back as one block (see code-snippets.ts).
      const snippets = (SNIPPETS[language] ?? []).filter((entry) => codeLanguage === language || entry.portable !== false);
      const snippet = snippets[0]?.code ?? 'x = f(1)\ny = f(2)';
      const body: Block[] = [];
      for (const heading of [...(KEYWORD_HEADINGS[language] ?? []), ...ONE_WORD_HEADINGS]) {
        body.push({ type: 'heading', text: heading }, { type: 'paragraph', text: 'a paragraph between them.' });
      }
      for (const command of COMMANDS[language] ?? []) body.push({ type: 'code', code: command }, { type: 'paragraph', text: 'a paragraph after it.' });
      for (const text of MARKUP_PROSE) body.push({ type: 'paragraph', text: fill(text, subject) });
      for (const text of LEAD_INS) body.push({ type: 'paragraph', text: fill(text, subject) }, { type: 'code', code: snippet }, { type: 'paragraph', text: 'done.' });
      // A heading straight after code stays a heading: no weak line extends a code block.
      for (const heading of KEYWORD_HEADINGS[language] ?? []) body.push({ type: 'code', code: snippet }, { type: 'heading', text: heading });
      expectReadBack(postWith(body, codeLanguage));
    }
  });

  it('keeps every markup paragraph long enough that a hostile fragment leaves it prose', () => {
    for (const text of MARKUP_PROSE) expect(fill(text, subject).split(' ').length, text).toBeGreaterThanOrEqual(13);
  });

  it('gives each section of a post a heading of its own', () => {
    for (const post of generatePosts({ count: 300, seed: 11 })) {
      const headings = post.body.flatMap((block) => (block.type === 'heading' ? [block.text] : []));
      expect(new Set(headings).size, post.title).toBe(headings.length);
    }
  });
});
