import { parsePost, stringifyPost, type Block, type Post } from '@alphanode/parser';
import { PostSchema } from '@alphanode/parser/schema';
import { describe, expect, it } from 'vitest';
import { LINE_COMMENT, SNIPPETS } from './code-snippets.ts';
import { generatePosts } from './generate-posts.ts';
import { STACKS } from './stacks.ts';

const base = generatePosts({ count: 1, seed: 1 })[0] as Post;

/** A post whose body is a paragraph, the code, and a heading, in `codeLanguage`. */
function postWith(code: string, codeLanguage: string): Post {
  const body: Block[] = [
    { type: 'paragraph', text: 'a paragraph before the code.' },
    { type: 'code', code, lang: codeLanguage },
    { type: 'heading', text: 'the practical approach' },
  ];
  return { ...base, body, meta: { ...base.meta, codeLanguage, imageSources: undefined, flags: { ...base.meta.flags, hasImages: false } } } as Post;
}

const cases = Object.entries(SNIPPETS).flatMap(([language, snippets]) => snippets.map((snippet, index) => ({ name: `${language} #${index + 1}`, language, snippet })));

describe('code snippets', () => {
  it.each(cases)('$name reads back as one code block in its language', ({ language, snippet }) => {
    const post = postWith(snippet.code, language);
    const checked = PostSchema.safeParse(post);
    expect(checked.success ? [] : checked.error.issues).toEqual([]);
    const back = parsePost(stringifyPost(post));
    expect(back.ok && back.post.body).toEqual(post.body);
  });

  it.each(cases.filter((entry) => entry.snippet.portable !== false))('$name is portable: it reads back under a language the parser does not know', ({ snippet }) => {
    const post = postWith(snippet.code, 'klingon" onerror="alert(1)');
    const back = parsePost(stringifyPost(post));
    expect(back.ok && back.post.body).toEqual(post.body);
  });

  it.each(cases.filter((entry) => entry.snippet.portable === false))('$name is rightly marked not portable', ({ snippet }) => {
    expect(PostSchema.safeParse(postWith(snippet.code, 'klingon')).success).toBe(false);
  });

  it('has code, and a comment syntax, for every language a stack names', () => {
    const languages = new Set(STACKS.flatMap((stack) => stack.codeLanguages));
    for (const language of languages) {
      expect(SNIPPETS[language]?.length, language).toBeGreaterThan(0);
      expect(LINE_COMMENT[language], language).toBeDefined();
    }
  });
});
