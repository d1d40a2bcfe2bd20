import { describe, expect, it } from 'vitest';
import { MAX_TITLE, pageTitleHtml } from './page-title.ts';

describe('pageTitleHtml', () => {
  it('adds the site name when it fits', () => {
    expect(pageTitleHtml('short', 'Notes')).toBe('short – Notes');
    expect(pageTitleHtml('short', undefined)).toBe('short');
  });

  it('drops the site name, then shortens on a word boundary, counting escaped markup', () => {
    const title = 'production checklist for improving asset delivery in python services';
    expect(pageTitleHtml(title, 'Notes')).toBe(title);
    const long = `${title} and more words after it`;
    expect(pageTitleHtml(long, 'Notes')).toBe('production checklist for improving asset delivery in python services…');
    const marked = `${'<b> & '.repeat(30)}`;
    expect(pageTitleHtml(marked, undefined).length).toBeLessThanOrEqual(MAX_TITLE);
    expect(pageTitleHtml(marked, undefined)).toMatch(/^(&lt;b&gt; &amp; )+.*…$/);
  });

  it('never splits a surrogate pair', () => {
    const out = pageTitleHtml('\u{1F468}'.repeat(60), undefined);
    expect(out.length).toBeLessThanOrEqual(MAX_TITLE);
    expect(out).toMatch(/^(\u{1F468})+…$/u);
  });
});
