import { describe, expect, it } from 'vitest';
import { compileRules } from './compile-rules.ts';

function errorsOf(yaml: string): { code: string; line: number; column: number; message: string }[] {
  const result = compileRules(yaml, { file: 'rules.yaml' });
  expect(result.ok).toBe(false);
  return result.diagnostics.map(({ code, line, column, message }) => ({ code, line, column, message }));
}

const rule = (lines: string) => `version: 1\nrules:\n  - name: r\n${lines}`;

describe('bad rule files get positioned errors', () => {
  it('an unknown key, at the key, listing what is allowed', () => {
    const [error] = errorsOf(rule('    match: { path: /x }\n    cache: { edge: 1h, ttl: 5m }\n'));
    expect(error).toMatchObject({ code: 'unknown-key', line: 5, column: 24 });
    expect(error?.message).toMatch(/unknown key "ttl" \(allowed here: edge, browser, staleWhileRevalidate/);
  });

  it('edge: forever, at the value, saying what a duration looks like', () => {
    expect(errorsOf(rule('    match: { path: /x }\n    cache:\n      edge: forever\n'))).toEqual([
      { code: 'invalid-duration', line: 6, column: 13, message: 'expected a duration such as 30s, 5m, 1h, 1d, 1w, 1y (or 1h30m), or a whole number of seconds; found "forever"' },
    ]);
  });

  it('a duration of the wrong type', () => {
    expect(errorsOf(rule('    match: { path: /x }\n    cache: { edge: true }\n'))[0]).toMatchObject({ code: 'invalid-duration', line: 5, column: 20 });
  });

  it('a path pattern that cannot compile, and one built to backtrack', () => {
    const errors = errorsOf(rule('    match:\n      path: ["/a/*/b", "/a*b", "/(a+)+$"]\n    cache: { edge: 1h }\n'));
    expect(errors.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
      { code: 'invalid-pattern', line: 5, column: 14 },
      { code: 'invalid-pattern', line: 5, column: 24 },
    ]);
    expect(errors[0]?.message).toMatch(/must be the last segment/);
  });

  it('a bypass name that is not defined', () => {
    const errors = errorsOf(`version: 1\nbypass:\n  logged-in: { cookie: session }\nrules:\n  - name: r\n    match: { path: /x }\n    cache: { edge: 1h }\n    bypass: [logged-in, logged_out]\n`);
    expect(errors).toEqual([{ code: 'undefined-bypass', line: 8, column: 25, message: 'the bypass condition "logged_out" is not defined (defined: logged-in); add it under the top-level bypass:' }]);
  });

  it('10k rules: one error at the list, quickly', () => {
    const body = Array.from({ length: 10_000 }, (_, i) => `  - { name: r${i}, match: { path: /p${i} }, cache: { edge: 1h } }`).join('\n');
    const start = performance.now();
    const errors = errorsOf(`version: 1\nrules:\n${body}\n`);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(errors).toEqual([{ code: 'too-many', line: 2, column: 1, message: 'at most 2000 entries allowed here; found 10000' }]);
  });

  it('YAML syntax errors and duplicate keys, at their place', () => {
    expect(errorsOf('version: 1\nrules: [\n')[0]).toMatchObject({ code: 'yaml-syntax', line: 3 });
    expect(errorsOf('version: 1\nversion: 1\nrules: []\n')[0]).toMatchObject({ code: 'yaml-syntax', line: 2, column: 1 });
  });

  it('an alias bomb is refused, not expanded', () => {
    const bomb = ['version: 1', 'a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', 'rules: []'].join('\n');
    expect(errorsOf(bomb)[0]?.code).toBe('yaml-syntax');
  });

  it('every problem at once, in line order', () => {
    const errors = errorsOf(`version: 2\nrules:\n  - name: a\n    match: { path: nope }\n    cache: { edge: 1x }\n  - name: a\n    match: { path: /x }\n    cache: { noStore: true, edge: 1h }\n`);
    expect(errors.map(({ code, line }) => [code, line])).toEqual([['invalid-value', 1], ['invalid-duration', 5]]);
    const semantic = errorsOf(`version: 1\nrules:\n  - name: a\n    match: { path: nope }\n    cache: { edge: 1h }\n  - name: a\n    match: { path: /x }\n    cache: { noStore: true, edge: 1h }\n    keys: ["k:{slug}"]\n`);
    expect(semantic.map(({ code, line }) => [code, line])).toEqual([['invalid-pattern', 4], ['duplicate-rule', 6], ['conflicting-cache', 8], ['invalid-key-template', 9]]);
  });

  it('a one-or-many field of the wrong type says what it holds', () => {
    expect(errorsOf('version: 1\nbypass:\n  x: { cookie: 5 }\nrules:\n  - { name: a, match: { path: /a }, cache: { noStore: true } }\n')).toEqual([
      { code: 'invalid-type', line: 3, column: 16, message: 'expected a cookie name or a list of them; found number 5' },
    ]);
  });

  it('a missing key, at the object that lacks it', () => {
    expect(errorsOf('version: 1\nrules:\n  - name: a\n    cache: { edge: 1h }\n')[0]).toMatchObject({ code: 'missing-key', line: 3, column: 5, message: 'missing "match": expected object' });
  });

  it('a plain object gets the same codes, with paths instead of positions', () => {
    const result = compileRules({ version: 1, rules: [{ name: 'a', match: { path: '/x' }, cache: { edge: 'forever' } }] });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'invalid-duration', line: 0, column: 0, path: ['rules', 0, 'cache', 'edge'] })]);
  });
});
