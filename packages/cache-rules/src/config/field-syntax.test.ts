import { validateHeaderName, validateHeaderValue } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cookiePatternProblem, fieldValueProblem, hostPatternProblem, namesCookie, tokenProblem } from './field-syntax.ts';

// Strings that reach every corner: ASCII controls, Latin-1, above Latin-1, astral characters.
const anyText = fc.string({ unit: fc.oneof(fc.constantFrom('\r', '\n', '\0', '\t', ' ', ':', '\x7f', 'é', 'ÿ', 'Ā', '€', '😀'), fc.constantFrom(...'abcXYZ09-_!|~'), fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code))), maxLength: 12 });

describe('header names', () => {
  it.each([
    ['X-Variant', undefined],
    ["!#$%&'*+-.^_`|~09azAZ", undefined],
    ['', 'found an empty name'],
    [' Cookie', 'found a space, U+0020 at character 1'],
    ['X-A\r\nInjected', 'found a carriage return (CR), U+000D at character 4'],
    ['X\0', 'found NUL, U+0000 at character 2'],
    ['X-Ā', 'found "Ā", U+0100, outside ASCII at character 3'],
    ['😀X:', 'found "😀", U+1F600, outside ASCII at character 1'],
    ['a😀:', 'found "😀", U+1F600, outside ASCII at character 2'],
    ['X:1', 'found ":" at character 2'],
  ])('%j → %j', (name, problem) => {
    expect(tokenProblem(name)).toBe(problem);
  });

  it('accepts exactly the names Node accepts, less none (any string)', () => {
    fc.assert(
      fc.property(anyText, (name) => {
        let node = true;
        try {
          validateHeaderName(name);
        } catch {
          node = false;
        }
        // Node's check is the RFC 9110 token rule too; the empty name is refused by both.
        expect(tokenProblem(name) === undefined).toBe(node && name !== '');
      }),
      { numRuns: 3000 },
    );
  });

  it('Cookie in any spelling, with any surrounding whitespace', () => {
    for (const name of ['Cookie', 'COOKIE', 'cookie', ' Cookie', 'Cookie ', '\tcOoKiE\t']) expect(namesCookie(name)).toBe(true);
    for (const name of ['Cookies', 'Set-Cookie', 'X-Cookie', 'Coo kie']) expect(namesCookie(name)).toBe(false);
  });
});

describe('header values', () => {
  it.each([
    ['b', undefined],
    ['', undefined],
    ['a b\tc', undefined],
    ['a\r\nX-Injected: 1', 'found a carriage return (CR), U+000D at character 2'],
    ['a\nb', 'found a line feed (LF), U+000A at character 2'],
    ['\0', 'found NUL, U+0000 at character 1'],
    ['\x1b[31m', 'found a control character, U+001B at character 1'],
    ['a\x7f', 'found DEL, U+007F at character 2'],
    ['café', 'found "é", U+00E9, outside ASCII at character 4'],
    ['Ā', 'found "Ā", U+0100, outside ASCII at character 1'],
    [' a', 'found a space or tab at the start or end, which HTTP strips from every value'],
    ['a\t', 'found a space or tab at the start or end, which HTTP strips from every value'],
  ])('%j → %j', (value, problem) => {
    expect(fieldValueProblem(value)).toBe(problem);
  });

  it('every value it accepts, Node and Headers accept and give back unchanged', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        if (fieldValueProblem(value) !== undefined) return;
        expect(() => validateHeaderValue('x-a', value)).not.toThrow();
        expect(new Headers({ 'x-a': value }).get('x-a')).toBe(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses every character outside visible ASCII, space and tab (obs-text included)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x10ffff }), (code) => {
        const char = String.fromCodePoint(code);
        const allowed = code === 9 || (code >= 0x20 && code <= 0x7e);
        expect(fieldValueProblem(`a${char}b`) === undefined).toBe(allowed);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('host and cookie patterns', () => {
  it.each([
    ['admin.example.com', undefined],
    ['*.example.com', undefined],
    ['api.*', undefined],
    ['Admin.Example.COM.', undefined],
    ['[::1]', undefined],
    ['my_host.internal', undefined],
    ['example.com:8443', '"example.com:8443" names a port: hosts are compared without their port (Host: example.com:8443 matches example.com), so leave it out'],
    ['bücher.example', '"bücher.example" holds "ü", U+00FC, outside ASCII at character 2: write an internationalised name in its ASCII form (xn--…), which is what the Host header carries'],
    ['a b.com', '"a b.com" is not a host name: found a space, U+0020 at character 2; a host is letters, digits, "-", "." and "_", with "*" only at its start or end'],
    ['evil.com\r\nX: 1', '"evil.com\\r\\nX: 1" is not a host name: found a carriage return (CR), U+000D at character 9; a host is letters, digits, "-", "." and "_", with "*" only at its start or end'],
  ])('host %j → %j', (pattern, problem) => {
    expect(hostPatternProblem(pattern)).toBe(problem);
  });

  it.each([
    ['session', undefined],
    ['wp_logged_in_*', undefined],
    ['*_session', undefined],
    ['a|b', '"a|b" holds "|", which separates cookie names in Netlify-Vary (cookie=a|b), so it could not be keyed on'],
    ['sess\nion', '"sess\\nion" is not a cookie name: found a line feed (LF), U+000A at character 5; a cookie name is an RFC 9110 token, with "*" only at its start or end'],
    ['sessión', '"sessión" is not a cookie name: found "ó", U+00F3, outside ASCII at character 6; a cookie name is an RFC 9110 token, with "*" only at its start or end'],
  ])('cookie %j → %j', (pattern, problem) => {
    expect(cookiePatternProblem(pattern)).toBe(problem);
  });
});
