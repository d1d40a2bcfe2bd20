import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeText } from './escape.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('returns text with nothing to escape as the same string, short or long', () => {
    const long = 'treat staging as a rehearsal, not just a place to click around, and keep notes.';
    expect(escapeHtml('python services')).toBe('python services');
    expect(escapeHtml(long)).toBe(long);
    expect(escapeHtml('')).toBe('');
  });

  it('escapes entities as text, so they show as written', () => {
    expect(escapeHtml('&lt;script&gt; &#x6a;')).toBe('&amp;lt;script&amp;gt; &amp;#x6a;');
  });

  it('takes the long-string path the same way as the short one', () => {
    const text = `${'a'.repeat(50)}<b>"q"</b> & 'r'`;
    expect(escapeHtml(text)).toBe(`${'a'.repeat(50)}&lt;b&gt;&quot;q&quot;&lt;/b&gt; &amp; &#39;r&#39;`);
    expect(escapeHtml(`${'x'.repeat(45)}&`)).toBe(`${'x'.repeat(45)}&amp;`);
  });

  it('leaves unicode tricks alone: they are text, not markup', () => {
    expect(escapeHtml('\u202Egnp.exe \u2028 \uFF1Cscript\uFF1E')).toBe('\u202Egnp.exe \u2028 \uFF1Cscript\uFF1E');
  });
});

describe('escapeText', () => {
  it('escapes & < > and keeps quotes, which only matter inside attributes', () => {
    expect(escapeText(`it's "<b>" & more`)).toBe(`it's "&lt;b&gt;" &amp; more`);
    expect(escapeText(`${'x'.repeat(50)} <script> & 'q'`)).toBe(`${'x'.repeat(50)} &lt;script&gt; &amp; 'q'`);
    expect(escapeText('plain')).toBe('plain');
  });
});
