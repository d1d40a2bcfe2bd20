import { describe, expect, it } from 'vitest';
import { jsonForScript, jsonStringForScript } from './script-json.ts';

const breakers = ['</script><script>alert(1)</script>', '<!--', ']]>', 'a & b', 'line\u2028sep\u2029para', 'quote " and \\ and \n', '\ud800 lone', '\u{1F468}\u200D\u{1F469}'];

describe('JSON inside <script>', () => {
  it('escapes < > & U+2028 U+2029 as \\u escapes', () => {
    expect(jsonForScript({ headline: '</script>&\u2028' })).toBe('{"headline":"\\u003c/script\\u003e\\u0026\\u2028"}');
  });

  it.each(breakers)('keeps the value: %j reads back unchanged and cannot close the script', (text) => {
    for (const json of [jsonForScript({ text }), `{"text":${jsonStringForScript(text)}}`]) {
      expect(json).not.toMatch(/<|>|&|\u2028|\u2029/);
      expect(JSON.parse(json)).toEqual({ text });
    }
  });

  it('quotes plain strings without JSON.stringify, with the same result', () => {
    expect(jsonStringForScript('python services')).toBe(JSON.stringify('python services'));
  });
});
