import { describe, expect, it } from 'vitest';
import { fixtureYaml } from '../../test/load-fixture.ts';
import { lintRules } from './lint-rules.ts';

function findings(yaml: string): { code: string; severity: string; line: number; rule?: string; message: string }[] {
  return lintRules(yaml, { file: 'rules.yaml' }).map(({ code, severity, line, rule, message }) => ({ code, severity, line, ...(rule === undefined ? {} : { rule }), message }));
}

describe('lintRules', () => {
  it('finds nothing in the shipped example file', () => {
    expect(lintRules(fixtureYaml)).toEqual([]);
  });

  it('an unreachable rule names the rule that shadows it', () => {
    const result = findings(`version: 1
rules:
  - name: all-posts
    match: { path: "/posts/*" }
    cache: { edge: 1h }
    examples: { cached: [/posts/a] }
  - name: one-post
    match: { path: /posts/:slug }
    cache: { edge: 1d }
    examples: { cached: [/posts/a] }
`);
    expect(result).toEqual([
      { code: 'unreachable-rule', severity: 'error', line: 7, rule: 'one-post', message: 'rule "one-post" can never match: rule "all-posts" comes first and matches every request it would (first match wins; move it above "all-posts")' },
      { code: 'example-failed', severity: 'error', line: 10, rule: 'one-post', message: '/posts/a was decided by rule "all-posts", not "one-post"' },
    ]);
  });

  it('a parameter covers a suffixed parameter after it, and not the other way round', () => {
    const rules = (first: string, second: string) => `version: 1
rules:
  - { name: first, match: { path: "${first}" }, cache: { edge: 1h } }
  - { name: second, match: { path: "${second}" }, cache: { edge: 1m } }
`;
    const unreachable = (first: string, second: string) => findings(rules(first, second)).filter((finding) => finding.code === 'unreachable-rule').length > 0;
    expect(unreachable('/posts/:slug', '/posts/:slug.json')).toBe(true);
    expect(unreachable('/posts/:slug.json', '/posts/:slug')).toBe(false);
    expect(unreachable('/posts/:slug.json', '/posts/a.json')).toBe(true);
    expect(unreachable('/posts/:slug.json', '/posts/.json')).toBe(false);
    expect(unreachable('/posts/:slug.json', '/posts/:id.v1.json')).toBe(true);
  });

  it('a pattern that an earlier rule takes, while the rule\'s other patterns still apply', () => {
    const result = findings(`version: 1
rules:
  - { name: assets, match: { path: "/assets/*" }, cache: { edge: 1y, browser: 1y, immutable: true }, examples: { cached: [/assets/a.css] } }
  - { name: files, match: { path: [/assets/logo.png, /files/:name] }, cache: { edge: 1h }, examples: { cached: [/files/a] } }
`);
    expect(result).toEqual([{ code: 'shadowed-pattern', severity: 'warning', line: 4, rule: 'files', message: 'the pattern /assets/logo.png of rule "files" never applies: rule "assets" comes first and takes every request it matches' }]);
  });

  it('a rule behind one with a host or status condition is still reachable', () => {
    const codes = findings(`version: 1
rules:
  - { name: api, match: { path: "/*", host: api.example.com }, cache: { noStore: true } }
  - { name: gone, match: { path: "/*", status: 404 }, cache: { edge: 1m }, examples: { cached: [{ url: /x, status: 404 }] } }
  - { name: rest, match: { path: "/*" }, cache: { noStore: true } }
`).map((finding) => finding.code);
    expect(codes).toEqual([]);
  });

  it('an example that contradicts its rule', () => {
    const result = findings(`version: 1
bypass:
  logged-in: { cookie: session }
rules:
  - name: page
    match: { path: /p/:slug }
    cache: { edge: 1h }
    bypass: [logged-in]
    examples:
      cached: [{ url: /p/a, cookie: "session=1" }]
      bypassed: [/p/a]
`);
    expect(result.map(({ code, line, message }) => ({ code, line, message }))).toEqual([
      { code: 'example-failed', line: 10, message: '/p/a should be cached but was bypass: bypass "logged-in": the request has the cookie session' },
      { code: 'example-failed', line: 11, message: '/p/a should be bypassed but was cache: rule "page": stored at the edge for 1h, in browsers for 0s' },
    ]);
  });

  it('risky combinations, each saying what goes wrong', () => {
    const result = findings(`version: 1
bypass:
  logged-in: { cookie: session }
  unused: { query: x }
rules:
  - name: page
    match: { path: "/p/:slug", method: [GET, POST] }
    cache: { edge: 1h, browser: 1d, immutable: true }
    bypass: [logged-in]
    vary: ["*"]
    keys: ["p:{slug}"]
  - { name: long-browser, match: { path: /q/:slug }, cache: { edge: 1h, browser: 1d }, keys: ["q:{slug}"], examples: { cached: [/q/a] } }
  - name: regex
    match: { path: "/(a)+$" }
    cache: { noStore: true }
`);
    expect(result.map(({ code, severity, line }) => [code, severity, line])).toEqual([
      ['unused-bypass', 'warning', 4],
      ['missing-examples', 'warning', 6],
      ['risky-method', 'warning', 7],
      ['risky-immutable', 'warning', 8],
      ['missing-examples', 'warning', 9],
      ['risky-vary', 'error', 10],
      ['risky-browser-ttl', 'warning', 12],
      ['looks-like-regex', 'warning', 14],
    ]);
  });

  it('returns compile errors as they are when the file does not compile', () => {
    expect(findings('version: 1\nrules:\n  - { name: a, match: { path: /a }, cache: { edge: forever } }\n').map((finding) => finding.code)).toEqual(['invalid-duration']);
  });
});
