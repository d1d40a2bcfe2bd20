import { validateHeaderName, validateHeaderValue } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintRules } from '../lint/lint-rules.ts';
import { TARGETS } from '../targets/target-profiles.ts';
import { compileRules } from './compile-rules.ts';

type Found = { code: string; line: number; column: number; message: string };

function errorsOf(yaml: string): Found[] {
  const result = compileRules(yaml, { file: 'rules.yaml' });
  expect(result.ok).toBe(false);
  return result.diagnostics.map(({ code, line, column, message }) => ({ code, line, column, message }));
}

const where = (found: Found[]) => found.map(({ code, line, column }) => ({ code, line, column }));

// A rule's lines after "  - name: page"; `vary` and `match` are what each test varies.
const page = (lines: string) => `version: 1\nrules:\n  - name: page\n    match: { path: /p/:slug }\n    cache: { edge: 1h }\n${lines}`;

describe('header names are RFC 9110 tokens wherever a rules file gives one', () => {
  it('a vary entry that would inject a header block is refused at its place, and lint and examples fail with it', () => {
    // The shape from the report: a Vary value that, written into a _headers file, starts a site-wide block.
    const yaml = page('    vary: ["Accept-Encoding\\r\\n/*\\r\\n  Access-Control-Allow-Origin: *"]\n');
    const [error] = errorsOf(yaml);
    expect(error).toEqual({
      code: 'invalid-value',
      line: 6,
      column: 12,
      // The value is cut short in the message, and shown with its escapes so the CR is visible.
      message: `"Accept-Encoding\\r\\n/*\\r\\n  Access-Control-Al…" is not a header name: found a carriage return (CR), U+000D at character 16; a header name is letters, digits and ! # $ % & ' * + - . ^ _ \` | ~ only (an RFC 9110 token: no spaces, colons or control characters)`,
    });
    // `rules lint` reports compile errors as they are; `rules test` gets no engine to run.
    expect(lintRules(yaml, { file: 'rules.yaml' }).map(({ code, severity, line }) => ({ code, severity, line }))).toEqual([{ code: 'invalid-value', severity: 'error', line: 6 }]);
  });

  it('bypass header, match.header name and value, each at its place', () => {
    const errors = errorsOf(`version: 1
bypass:
  logged-in: { header: [authorization, "X-Session\\nX-Injected"] }
rules:
  - name: page
    match:
      path: /p/:slug
      header: { "X Variant": b, x-ok: "b\\r\\nSet-Cookie: a=1", x-latin: "café", x-wide: "Ā", x-nul: "a\\0" }
    cache: { edge: 1h }
    bypass: [logged-in]
`);
    expect(where(errors)).toEqual([
      { code: 'invalid-value', line: 3, column: 40 },
      // A bad name is reported at the key, a bad value at the value.
      { code: 'invalid-value', line: 8, column: 17 },
      { code: 'invalid-value', line: 8, column: 39 },
      { code: 'invalid-value', line: 8, column: 72 },
      { code: 'invalid-value', line: 8, column: 88 },
      { code: 'invalid-value', line: 8, column: 100 },
    ]);
    expect(errors.map((error) => error.message.split(';')[0])).toEqual([
      '"X-Session\\nX-Injected" is not a header name: found a line feed (LF), U+000A at character 10',
      '"X Variant" is not a header name: found a space, U+0020 at character 2',
      '"b\\r\\nSet-Cookie: a=1" cannot be a header value: found a carriage return (CR), U+000D at character 2',
      '"café" cannot be a header value: found "é", U+00E9, outside ASCII at character 4',
      '"Ā" cannot be a header value: found "Ā", U+0100, outside ASCII at character 1',
      '"a\\u0000" cannot be a header value: found NUL, U+0000 at character 2',
    ]);
  });

  it('characters above Latin-1 in a vary name, a method, a content type, a host or a cookie name', () => {
    const errors = errorsOf(`version: 1
bypass:
  logged-in: { cookie: ["séssion", "a|b"] }
rules:
  - name: page
    match: { path: /p/:slug, method: ["GËT"], contentType: ["text/html; charset=utf-8"], host: ["bücher.example", "example.com:8443"] }
    cache: { edge: 1h }
    bypass: [logged-in]
    vary: ["X-😀"]
`);
    expect(errors.map(({ code, line }) => [code, line])).toEqual([
      ['invalid-name-pattern', 3],
      ['invalid-name-pattern', 3],
      ['invalid-value', 6],
      ['invalid-value', 6],
      ['invalid-name-pattern', 6],
      ['invalid-name-pattern', 6],
      ['invalid-value', 9],
    ]);
    expect(errors[4]?.message).toBe('"bücher.example" holds "ü", U+00FC, outside ASCII at character 2: write an internationalised name in its ASCII form (xn--…), which is what the Host header carries');
    expect(errors[6]?.message).toMatch(/^"X-😀" is not a header name: found "😀", U\+1F600, outside ASCII at character 3;/);
  });

  it('example requests must be requests HTTP can carry', () => {
    const errors = errorsOf(page(`    examples:
      cached:
        - { url: /p/a, header: ["Bad Name: 1", "X-A: v\\r\\n", "no colon"] }
        - { url: /p/b, header: { "X-B": "\\u0001" }, cookie: "session=\\n" }
`));
    expect(errors.map(({ code, line, message }) => [code, line, message.split(';')[0]])).toEqual([
      ['invalid-value', 8, '"Bad Name" is not a header name: found a space, U+0020 at character 4'],
      ['invalid-value', 8, '"no colon" is not a header line: expected "Name: value"'],
      ['invalid-value', 9, '"\\u0001" cannot be a header value: found a control character, U+0001 at character 1'],
      ['invalid-value', 9, '"session=\\n" cannot be a header value: found a line feed (LF), U+000A at character 9'],
    ]);
  });

  it('a config given as an object gets the same codes, with paths', () => {
    const result = compileRules({ version: 1, rules: [{ name: 'a', match: { path: '/a', header: { 'x\r\ny': true } }, cache: { edge: 60 }, vary: ['Accept\n'] }] });
    expect(result.diagnostics.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'invalid-value', path: ['rules', 0, 'match', 'header', 'x\r\ny'] },
      { code: 'invalid-value', path: ['rules', 0, 'vary', 0] },
    ]);
  });
});

describe('Cookie is refused in Vary in any spelling', () => {
  it.each(['Cookie', 'cookie', 'COOKIE', 'cOoKiE', ' Cookie', 'Cookie ', '\tCookie'])('vary: [%j]', (name) => {
    const [error] = errorsOf(page(`    vary: [Accept-Encoding, ${JSON.stringify(name)}]\n`));
    expect(error).toMatchObject({ code: 'risky-vary', line: 6, column: 29 });
    expect(error?.message).toContain('Vary: Cookie is never written');
    if (name !== name.trim()) expect(error?.message).toContain('with spaces around it that no header name has');
  });

  it('nor read as a header by match.header or a bypass condition, which would put it in Vary', () => {
    const errors = errorsOf(`version: 1
bypass:
  any-cookie: { header: [Cookie] }
rules:
  - name: page
    match: { path: /p/:slug, header: { COOKIE: true } }
    cache: { edge: 1h }
    bypass: [any-cookie]
`);
    expect(errors.map(({ code, line }) => [code, line])).toEqual([['risky-vary', 3], ['risky-vary', 6]]);
    expect(errors[0]?.message).toBe('"Cookie" names Cookie: a rule cannot read the Cookie header as a header: every header a rule reads goes into Vary, and Vary: Cookie is never written; name the cookies that matter in a bypass condition\'s cookie: list');
  });

  it('similar names still compile', () => {
    const result = compileRules(page('    vary: [Accept-Encoding, X-Cookie-Consent, Cookies]\n'));
    expect(result.ok).toBe(true);
    expect(result.engine?.decide({ url: '/p/a' }, { target: 'generic' }).headers['Vary']).toBe('Accept-Encoding, X-Cookie-Consent, Cookies');
  });
});

describe('whatever names a file gives, a file that compiles writes only headers Node sends', () => {
  const hostile = fc.string({ unit: fc.oneof(fc.constantFrom('\r', '\n', '\0', '\t', ' ', ':', 'é', 'Ā', '😀', '|'), fc.constantFrom(...'abcXY-_09')), minLength: 1, maxLength: 10 });
  // Mostly plain names, so that many generated files compile and their headers are checked.
  const text = fc.oneof({ arbitrary: fc.stringMatching(/^[A-Za-z0-9-]{1,10}$/), weight: 6 }, { arbitrary: fc.constantFrom('Cookie', ' cookie', 'X-A\r\nX-B: 1'), weight: 1 }, { arbitrary: hostile, weight: 2 });

  it('vary, bypass header, bypass cookie and match.header names', () => {
    let compiled = 0;
    fc.assert(
      fc.property(text, text, text, text, text, (vary, bypassHeader, cookie, matchHeader, value) => {
        const result = compileRules({
          version: 1,
          bypass: { b: { header: [bypassHeader], cookie: [cookie] } },
          rules: [{ name: 'page', match: { path: '/p/:slug', header: { [matchHeader]: value } }, cache: { edge: 60 }, bypass: ['b'], vary: [vary] }],
        });
        if (!result.ok) {
          expect(result.diagnostics.length).toBeGreaterThan(0);
          return;
        }
        compiled++;
        for (const target of TARGETS) {
          const { headers } = result.engine.decide({ url: '/p/a', headers: { [matchHeader]: value } }, { target });
          for (const [name, field] of Object.entries(headers)) {
            expect(() => validateHeaderName(name)).not.toThrow();
            expect(() => validateHeaderValue(name, field)).not.toThrow();
            expect(field).toMatch(/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/);
            if (name === 'Vary') expect(field.toLowerCase().split(', ')).not.toContain('cookie');
          }
        }
      }),
      { numRuns: 1500 },
    );
    expect(compiled).toBeGreaterThan(50);
  });
});
