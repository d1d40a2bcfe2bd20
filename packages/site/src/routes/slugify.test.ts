import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugify } from './slugify.ts';

const SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('slugify', () => {
  it.each([
    ['Résumé tips for Node.js', 'resume-tips-for-node-js'],
    ['snake_case and dot.case', 'snake-case-and-dot-case'],
    ['Ünïcode & C++: a “tour”', 'unicode-c-a-tour'],
    ['Straße, Øresund, Łódź', 'strasse-oresund-lodz'],
    ['Кэширование в Go', 'keshirovanie-v-go'],
    ['Ελληνικά', 'ellinika'],
    ['  --Hello--  ', 'hello'],
    ['', 'untitled'],
  ])('%j → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('folds accents and treats . and _ as word breaks, the same way everywhere', () => {
    expect(slugify('Résumé')).toBe(slugify('resume'));
    expect(slugify('node.js')).toBe(slugify('node_js'));
    expect(slugify('node.js')).toBe('node-js');
  });

  it('gives a title in a script with no transliteration a stable, non-empty hash, kept beside its Latin words', () => {
    const japanese = slugify('日本語のタイトル');
    expect(japanese).toMatch(/^[0-9a-f]{8}$/);
    expect(slugify('日本語のタイトル')).toBe(japanese);
    expect(slugify('別のタイトル')).not.toBe(japanese);
    expect(slugify('Go 言語 tips')).toMatch(/^go-tips-[0-9a-f]{8}$/);
    expect(slugify('🚀🚀')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('keeps Cyrillic titles that share their Latin words apart', () => {
    expect(slugify('Кэширование в Go')).not.toBe(slugify('Мониторинг в Go'));
  });

  it('cuts long titles between words', () => {
    const title = 'improving asset delivery behind a content delivery network for python services at scale today';
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(`${slug}-`).toBe(title.replaceAll(' ', '-').slice(0, slug.length + 1));
    expect(slugify('x'.repeat(200))).toHaveLength(MAX_SLUG_LENGTH);
  });

  it('always gives a URL-, file- and key-safe slug of at most 80 characters, and is idempotent on it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (title) => {
        const slug = slugify(title);
        expect(slug).toMatch(SHAPE);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
        expect(slugify(slug)).toBe(slug);
      }),
      { numRuns: 3000 },
    );
  });
});
