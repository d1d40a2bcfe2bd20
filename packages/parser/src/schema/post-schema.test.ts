import { describe, expect, it } from 'vitest';
import { seedText } from '../../test/paths.ts';
import { parsePost } from '../parse/parse-post.ts';
import type { Block } from './block-schema.ts';
import { PostSchema, type Post } from './post-schema.ts';

const parsed = parsePost(seedText(1));
if (!parsed.ok) throw new Error('seed did not parse');
const seed: Post = parsed.post;

function issuesFor(change: (post: Post) => void): { path: PropertyKey[]; message: string }[] {
  const post = structuredClone(seed);
  change(post);
  const result = PostSchema.safeParse(post);
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
}

const setBody = (index: number, block: Block) => (post: Post) => {
  post.body[index] = block;
};

describe('PostSchema', () => {
  it('accepts the parsed seed', () => {
    expect(issuesFor(() => {})).toEqual([]);
  });

  it.each([
    ['a paragraph that reads as a heading', setBody(0, { type: 'paragraph', text: 'no closing stop' }), ['body', 0], /would read back as a heading/],
    ['a heading that reads as code', setBody(3, { type: 'heading', text: 'x = f(1)' }), ['body', 3], /would read back as code/],
    ['a heading that reads as a paragraph', setBody(3, { type: 'heading', text: 'done.' }), ['body', 3], /would read back as a paragraph/],
    ['code that starts with a blank line', setBody(7, { type: 'code', code: '\nx = 1', lang: 'python' }), ['body', 7], /must not begin or end with a blank line/],
    ['code with a lone prose line', setBody(7, { type: 'code', code: 'x = 1\n\nthe end', lang: 'python' }), ['body', 7], /line 3 of the code stands alone/],
    ['code with a list line', setBody(7, { type: 'code', code: 'x = 1\n  \u2022 y', lang: 'python' }), ['body', 7], /would read as a list item/],
    ['code in another language', setBody(7, { type: 'code', code: 'x = 1', lang: 'ruby' }), ['body', 7, 'lang'], /must agree/],
    ['an image URL that meta does not give', setBody(1, { type: 'image', caption: 'c', source: 's', url: 'https://x.test/a.png' }), ['body', 1, 'url'], /must agree/],
    ['a line break in a title', (post: Post) => void (post.title = 'a\nb'), ['title'], /one line/],
    ['an extra scalar with a value', (post: Post) => void (post.meta.extra = { author: 'jane' }), ['meta', 'extra', 'author'], /glued to its value/],
    ['an extra label that begins a known one', (post: Post) => void (post.meta.extra = { topics: ['a'] }), ['meta', 'extra', 'topics'], /would read as "topic"/],
    ['a title that is the meta marker', (post: Post) => void (post.title = 'alphanode post meta'), ['title'], /start of the meta block/],
    ['a title starting with U+FEFF without a breadcrumb', (post: Post) => void Object.assign(post, { title: '\uFEFFhello', layout: { breadcrumb: false } }), ['title'], /byte-order mark/],
    ['an image caption that is the meta marker', setBody(1, { type: 'image', caption: 'alphanode post meta', source: 's' }), ['body', 1], /start of the meta block/],
    ['an extra label starting with a tab', (post: Post) => void (post.meta.extra = { '\tx': '' }), ['meta', 'extra', '\tx'], /must not start with a space or tab/],
    ['an extra list that reads as an object', (post: Post) => void (post.meta.extra = { links: ['a: b'] }), ['meta', 'extra', 'links'], /reads back as an object/],
  ])('rejects %s, saying why', (_what, change, path, message) => {
    const issues = issuesFor(change);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(path);
    expect(issues[0]?.message).toMatch(message);
  });

  it('rejects two code blocks with nothing between them', () => {
    const issues = issuesFor((post) => post.body.splice(8, 0, { type: 'code', code: 'y = 2', lang: 'python' }));
    expect(issues.map((issue) => issue.message)).toEqual(['two code blocks with only blank lines between them read back as one']);
  });
});
