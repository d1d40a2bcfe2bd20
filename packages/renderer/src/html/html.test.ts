import { describe, expect, it } from 'vitest';
import { html, isHtml, raw } from './html.ts';

describe('html and raw', () => {
  it('escapes every interpolated value that is not Html', () => {
    const title = '<script>alert(1)</script>';
    expect(html`<h1 title="${'"x"'}">${title}</h1>`.value).toBe('<h1 title="&quot;x&quot;">&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
  });

  it('keeps Html as it is, joins arrays, and renders null, undefined and false as nothing', () => {
    const items = ['a&b', raw('<b>c</b>')];
    expect(html`<p>${items}${null}${undefined}${false}${0}</p>`.value).toBe('<p>a&amp;b<b>c</b>0</p>');
    expect(html`${[[raw('<i>'), '<']]}`.value).toBe('<i>&lt;');
  });

  it('nests', () => {
    const inner = html`<li>${'<x>'}</li>`;
    expect(html`<ul>${inner}</ul>`.value).toBe('<ul><li>&lt;x&gt;</li></ul>');
  });

  it('tells Html from strings and look-alike objects', () => {
    expect(isHtml(raw('x'))).toBe(true);
    expect(isHtml('x')).toBe(false);
    expect(isHtml({ value: '<script>' })).toBe(false);
    expect(isHtml(null)).toBe(false);
    expect(String(raw('<b>'))).toBe('<b>');
  });
});
