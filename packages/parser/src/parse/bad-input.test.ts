import { describe, expect, it } from 'vitest';
import { seedText } from '../../test/paths.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { PostSchema } from '../schema/post-schema.ts';
import { stringifyPost } from '../stringify/stringify-post.ts';
import { parsePost } from './parse-post.ts';

const seed = seedText(1);
const seedLines = seed.split('\n');

function replaceLine(startsWith: string, replacement: string): string {
  return seedLines.map((line) => (line.startsWith(startsWith) ? replacement : line)).join('\n');
}

function lineOf(text: string, startsWith: string): number {
  return text.split('\n').findIndex((line) => line.startsWith(startsWith)) + 1;
}

function only(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  expect(found, `diagnostics: ${JSON.stringify(diagnostics)}`).toHaveLength(1);
  return found[0] as Diagnostic;
}

describe('parsePost on bad input', () => {
  it('an empty file is an error at 1:1 that says what a post looks like', () => {
    for (const text of ['', '\n\n', '   \n']) {
      const result = parsePost(text, { file: 'empty.txt' });
      expect(result.ok).toBe(false);
      const d = only(result.diagnostics, 'empty-file');
      expect(d).toMatchObject({ severity: 'error', line: 1, column: 1, file: 'empty.txt', retryable: false });
      expect(d.message).toMatch(/expected a post/);
    }
  });

  it('binary bytes are an error at the first bad character', () => {
    const text = seed.replace('the practical approach', 'the prac\0tical approach');
    const d = only(parsePost(text).diagnostics, 'binary-content');
    expect(d).toMatchObject({ severity: 'error', line: lineOf(text, 'the prac'), column: 9 });
    expect(d.message).toMatch(/NUL/);
    const decoded = new TextDecoder().decode(new Uint8Array([0x7c, 0x0a, 0x0a, 0xff, 0xfe, 0x41]));
    expect(only(parsePost(decoded).diagnostics, 'binary-content')).toMatchObject({ line: 3, column: 1 });
  });

  it('a byte-order mark alone is reported and the empty file too', () => {
    const result = parsePost('\uFEFF');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['byte-order-mark', 'empty-file']);
  });

  it('lone CR line endings are normalised like CRLF', () => {
    const result = parsePost(seed.replace(/\n/g, '\r'));
    expect(result.ok).toBe(true);
    expect(only(result.diagnostics, 'crlf-line-endings').message).toMatch(/^CR line endings/);
  });

  it('a cut-off meta block names every missing field and still parses nothing as a post', () => {
    const text = seedLines.slice(0, lineOf(seed, 'reading time')).join('\n');
    const result = parsePost(text, { file: 'cut.txt' });
    expect(result.ok).toBe(false);
    const missing = result.diagnostics.filter((d) => d.code === 'missing-field');
    expect(missing.map((d) => d.path?.[1])).toEqual(['viewCount', 'score', 'revision', 'reference', 'hash', 'flags', 'checklist', 'entities', 'payload', 'notes']);
    expect(missing[0]?.message).toMatch(/cut off/);
    expect(missing[0]?.line).toBe(lineOf(seed, 'reading time'));
    expect(only(result.diagnostics, 'missing-similar').severity).toBe('warning');
  });

  it('`reading timeten` says a whole number was expected, where the value starts', () => {
    const text = replaceLine('reading time', 'reading timeten');
    const result = parsePost(text, { file: 'bad.txt' });
    expect(result.ok).toBe(false);
    const d = only(result.diagnostics, 'invalid-number');
    expect(d).toMatchObject({ severity: 'error', line: lineOf(text, 'reading time'), column: 13, path: ['meta', 'readingTime'], file: 'bad.txt' });
    expect(d.message).toBe('"reading time" must be followed by a whole number (digits only), found "ten"');
  });

  it('an unknown glued label is kept in meta.extra with a warning, and is an error when strict', () => {
    const text = replaceLine('difficulty', 'difficultybeginner\nauthorjane doe');
    const result = parsePost(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.post.meta.extra).toEqual({ 'authorjane doe': '' });
    const d = only(result.diagnostics, 'unknown-label');
    expect(d).toMatchObject({ severity: 'warning', line: lineOf(text, 'authorjane'), column: 1 });
    expect(d.message).toMatch(/expected a line starting with one of: topic, summary/);
    const strict = parsePost(text, { strict: true });
    expect(strict.ok).toBe(false);
    expect(only(strict.diagnostics, 'unknown-label').severity).toBe('error');
  });

  it('unknown labels with bullets keep their shape in meta.extra', () => {
    const text = replaceLine('difficulty', 'difficultybeginner\nowners\n  • alice\n  • bob\nlinks\n  • docs: https://x.test\ncontacts\n    • name: a\n    • mail: a@x\n    • name: b');
    const result = parsePost(text);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.post.meta.extra).toEqual({
      owners: ['alice', 'bob'],
      links: { docs: 'https://x.test' },
      contacts: [{ name: 'a', mail: 'a@x' }, { name: 'b' }],
    });
  });

  it('a bullet with an empty key keeps an unknown label a text list, which PostSchema accepts', () => {
    // Found by the round-trip laws: `• : caption` once read as the key "" of an object that no
    // writer can produce, so the schema rejected the parser's own output.
    const text = replaceLine('difficulty', 'difficultybeginner\ncaptions\n  • : a caption\n  • source: x\nrefs\n    • name: a\n    • : b');
    const result = parsePost(text);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.post.meta.extra).toEqual({ captions: [': a caption', 'source: x'], refs: ['name: a', ': b'] });
    expect(PostSchema.safeParse(result.post).success).toBe(true);
    const back = parsePost(stringifyPost(result.post));
    expect(back.ok && back.post).toEqual(result.post);
  });

  it.each([
    ['flags', '  • has images: 1', '  • has images: yes', 'invalid-flag', 17, /must be 0 or 1, found "yes"/],
    ['a date', '  • last reviewed: 2026-06-28', '  • last reviewed: 2026-02-30', 'invalid-date', 20, /calendar date as YYYY-MM-DD, found "2026-02-30"/],
    ['an object key', '  • depth: 86', '  • dept: 86', 'unknown-key', 5, /unknown key "dept" in "score"; expected one of: quality, freshness, depth, clarity/],
    ['a bullet', '  • clarity: 73', '  • clarity 73', 'malformed-bullet', 5, /expected "key: value" in "score", found "clarity 73"/],
    ['a list label', 'tools', 'tools: all of them', 'label-not-alone', 6, /"tools" stands alone on its line/],
    ['a view count', 'view count187623', 'view count-5', 'invalid-number', 11, /found "-5"/],
  ])('a bad value in %s is an error at its column', (_what, from, to, code, column, message) => {
    const text = seed.replace(`\n${from}\n`, `\n${to}\n`);
    expect(text).not.toBe(seed);
    const result = parsePost(text);
    expect(result.ok).toBe(false);
    const d = only(result.diagnostics, code);
    expect(d).toMatchObject({ severity: 'error', line: lineOf(text, to), column });
    expect(d.message).toMatch(message);
  });

  it('collects every problem in one pass', () => {
    const text = seed.replace('reading time5', 'reading timefive').replace('view count187623', 'view countmany').replace('  • seed: 3492', '  • seed: x');
    const codes = parsePost(text).diagnostics.map((d) => `${d.code}@${d.line}`);
    expect(codes).toEqual([
      `invalid-number@${lineOf(text, 'reading time')}`,
      `invalid-number@${lineOf(text, 'view count')}`,
      `invalid-number@${lineOf(text, '  • seed:')}`,
    ]);
  });

  it('a duplicated field keeps the first and reports the second', () => {
    const text = seed.replace('\ndifficultybeginner\n', '\ndifficultybeginner\ndifficultyexpert\n');
    const result = parsePost(text);
    const d = only(result.diagnostics, 'duplicate-field');
    expect(d.line).toBe(lineOf(text, 'difficultyexpert'));
    expect(d.message).toMatch(`first on line ${lineOf(text, 'difficultybeginner')}`);
  });

  it('a file with no meta block says where it expected one', () => {
    const text = seedLines.slice(0, lineOf(seed, 'alphanode post meta') - 2).join('\n');
    const d = only(parsePost(text).diagnostics, 'missing-meta');
    expect(d).toMatchObject({ severity: 'error', line: text.split('\n').length });
  });

  it('a missing title, orphan bullets and text after the meta are each reported', () => {
    expect(only(parsePost(`|\n\n\n${seed.slice(4)}`).diagnostics, 'missing-title')).toMatchObject({ line: 3, column: 1 });
    const orphan = seed.replace('\ncode languagepython\n', '\ncode languagepython\n  • stray\n');
    expect(only(parsePost(orphan).diagnostics, 'orphan-bullet').line).toBe(lineOf(orphan, '  • stray'));
    const trailing = seed.replace('\n\nSimilar Posts', '\n\nSimilar Post');
    expect(only(parsePost(trailing).diagnostics, 'unexpected-content').message).toMatch(/expected "Similar Posts"/);
  });

  it('anything that is not a string is an error, not an exception', () => {
    for (const input of [undefined, null, 42, {}, new Uint8Array(3)]) {
      const result = parsePost(input as unknown as string);
      expect(result.ok).toBe(false);
      expect(result.diagnostics[0]?.code).toBe('invalid-input');
    }
  });
});

describe('parsePost at scale', () => {
  // Time of the fastest of three runs, so one slow scheduling slice on a shared machine does not count.
  // The best of several runs: on a busy machine (the whole suite runs in parallel) one run of the
  // small input can take several times its real cost, which would fake a superlinear ratio.
  function fastest(text: string): number {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      parsePost(text);
      best = Math.min(best, performance.now() - start);
    }
    return best;
  }

  function withBullets(count: number): string {
    const bullets = Array.from({ length: count }, (_, i) => `  • item ${i}`).join('\n');
    return seed.replace('  • keep a rollback command ready\nimproving', `  • keep a rollback command ready\n${bullets}\nimproving`);
  }

  it('parses 100k lines of bullets, in time linear in their number', () => {
    const result = parsePost(withBullets(100_000));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.post.body.find((block) => block.type === 'list')?.type === 'list' && (result.post.body.find((block) => block.type === 'list') as { items: string[] }).items.length).toBe(100_005);
    const small = fastest(withBullets(12_500));
    const large = fastest(withBullets(100_000));
    // 8x the input: linear time gives about 8x, quadratic 64x.
    expect(large / small).toBeLessThan(24);
  });

  it('parses a 10 MB post, in time linear in its size', () => {
    const paragraph = `${'a reliable setup is less about clever code and more about repeatable habits '.repeat(20)}.`;
    const bodyOf = (count: number) => Array.from({ length: count }, () => paragraph).join('\n\n');
    const post = (count: number) => seed.replace('\nthe practical approach\n', `\n${bodyOf(count)}\n\nthe practical approach\n`);
    const big = post(6_600);
    expect(big.length).toBeGreaterThan(10_000_000);
    const result = parsePost(big);
    expect(result.ok).toBe(true);
    const small = fastest(post(800));
    const large = fastest(post(6_400));
    expect(large / small).toBeLessThan(24);
  });

  it('a 100k-line code block and a 1 MB single line stay linear', () => {
    const code = Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? '' : `    x${i} = f(${i})`)).join('\n');
    const text = seed.replace("    return {'ok': True}", `    return {'ok': True}\n${code}\n    pass`);
    const result = parsePost(text);
    expect(result.ok).toBe(true);
    const line = parsePost(seed.replace('the practical approach', 'x'.repeat(1_000_000)));
    expect(line.ok).toBe(true);
  });

  // Statement shapes with choices that overlap backtrack exponentially on a line that almost
  // matches: `return nil, nil, … x` took 2 s at 130 characters before the shapes were made disjoint.
  it.each([
    ['go', (n: number) => `return ${'nil, '.repeat(n)}nil x`],
    ['go', (n: number) => `return ${'f(), '.repeat(n)}f() x`],
    ['python', (n: number) => `return ${'a.'.repeat(n)}b(`],
  ])('a lone %s line that almost has a statement\'s shape stays linear', (language, lineOf) => {
    const post = (n: number) => seed.replace('code languagepython', `code language${language}`).replace('the practical approach', lineOf(n));
    expect(parsePost(post(40)).ok).toBe(true);
    const small = fastest(post(25));
    const large = fastest(post(200));
    expect(large / small).toBeLessThan(24);
  });
});
