import { parsePostOrThrow } from '@alphanode/parser';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createListings, listingEntry, type ListingEntry } from './listings.ts';

const entry = (slug: string, date: string, title = slug, topic = 'go'): ListingEntry => ({ slug, title, topic, date, summary: `about ${slug}` });
const topics = new Map([['go', 'go'], ['rust', 'rust']]);

describe('createListings', () => {
  it('lists newest first, ties by title then slug in code-unit order, undated last', () => {
    const { entries } = createListings(
      [entry('a', '2024-01-01'), entry('b', '2025-06-01'), entry('c', '2025-06-01', 'Zebra'), entry('d', '2025-06-01', 'apple'), entry('e', ''), entry('f', '2025-06-01', 'Zebra')],
      topics,
    );
    // 'Zebra' < 'apple' in code units (upper case first), whatever the locale says.
    expect(entries.map((e) => e.slug)).toEqual(['c', 'f', 'd', 'b', 'a', 'e']);
  });

  it('gives the same listings, byte for byte, whatever order the entries come in', () => {
    const anEntry = fc.record({
      slug: fc.stringMatching(/^[a-f]{1,3}$/),
      title: fc.constantFrom('A', 'a', 'B', 'Ä', 'same'),
      topic: fc.constantFrom('go', 'rust'),
      date: fc.constantFrom('', '2024-01-01', '2024-01-02', '2025-12-31'),
      summary: fc.constant('s'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(anEntry, { selector: (e) => e.slug, maxLength: 20 }), fc.func(fc.integer()), (entries, order) => {
        const shuffled = [...entries].sort((x, y) => order(x.slug) - order(y.slug));
        const listings = createListings(entries, topics);
        expect(JSON.stringify(createListings(shuffled, topics))).toBe(JSON.stringify(listings));
        for (const list of [listings.entries, ...listings.topics.map((t) => t.entries)]) {
          const dates = list.map((e) => e.date);
          expect(dates).toEqual([...dates].sort().reverse());
        }
      }),
    );
  });

  it('takes a post\'s date from its revision\'s "last reviewed" and its summary from its meta', () => {
    const dir = new URL('../../../../examples/content/', import.meta.url);
    const [file] = readdirSync(dir).filter((name) => name.endsWith('.txt'));
    const post = parsePostOrThrow(readFileSync(new URL(file as string, dir), 'utf8'));
    expect(listingEntry('a-post', post)).toEqual({ slug: 'a-post', title: post.title, topic: post.meta.topic, date: post.meta.revision.lastReviewed, summary: post.meta.summary });
    expect(listingEntry('a-post', post).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
