import { describe, expect, it } from 'vitest';
import { dateHtml, flagHtml, isIsoDate, numberHtml } from './format-value.ts';

describe('meta values', () => {
  it('groups large numbers for the language and keeps the value in <data>', () => {
    expect(numberHtml(56310, 'en')).toBe('<data value="56310">56,310</data>');
    expect(numberHtml(1234567, 'de')).toBe('<data value="1234567">1.234.567</data>');
    expect(numberHtml(1234, 'es')).toBe(`<data value="1234">${new Intl.NumberFormat('es').format(1234)}</data>`);
    expect(numberHtml(12345678, 'en-IN')).toBe('<data value="12345678">1,23,45,678</data>');
    expect(numberHtml(999, 'en')).toBe('<data value="999">999</data>');
    expect(numberHtml(0, 'en')).toBe('<data value="0">0</data>');
  });

  it('agrees with Intl for every language it takes the fast way for', () => {
    for (const lang of ['en', 'en-GB', 'fr', 'de', 'pt-BR', 'ja', 'ar-EG', 'hi', 'not a language']) {
      const intl = new Intl.NumberFormat(lang === 'not a language' ? 'en' : lang, { maximumFractionDigits: 0 });
      for (const n of [1000, 98765, 187623, 9007199254740991]) expect(numberHtml(n, lang)).toBe(`<data value="${n}">${intl.format(n)}</data>`);
    }
  });

  it('shows what is not a whole number as escaped text', () => {
    expect(numberHtml('12<b>', 'en')).toBe('12&lt;b&gt;');
    expect(numberHtml(Number.NaN, 'en')).toBe('NaN');
  });

  it('writes flags as yes/no and dates in <time> only when they are dates', () => {
    expect([flagHtml(true), flagHtml(false), flagHtml('1<')]).toEqual(['yes', 'no', '1&lt;']);
    expect(dateHtml('2021-05-25')).toBe('<time datetime="2021-05-25">2021-05-25</time>');
    expect(dateHtml('2021-13-01')).toBe('2021-13-01');
    expect(dateHtml('2021-05-25"><script>')).toBe('2021-05-25&quot;&gt;&lt;script&gt;');
    expect(isIsoDate('2021-05-25')).toBe(true);
  });
});
