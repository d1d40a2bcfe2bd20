import { describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../test/load-fixture.ts';
import { compileRulesOrThrow } from '../compile/compile-rules.ts';
import { diffRules } from '../diff/diff-rules.ts';
import { exampleRequest, runExamples } from './run-examples.ts';

describe('runExamples', () => {
  it('runs every example in the shipped file, and all hold', () => {
    const results = runExamples(fixtureEngine());
    expect(results).toHaveLength(15);
    expect(results.filter((result) => !result.passed)).toEqual([]);
  });

  it('turns an example into a request and a response', () => {
    expect(exampleRequest({ url: '/a', cookie: 's=1', header: ['Authorization: Bearer t'], status: 404, setCookie: true, contentType: 'text/html' })).toEqual({
      request: { url: '/a', headers: { authorization: 'Bearer t', cookie: 's=1' } },
      response: { status: 404, headers: { 'content-type': 'text/html', 'set-cookie': 'example=1' } },
    });
  });
});

describe('diffRules', () => {
  it('says what changes between a rule set and its successor, and nothing where nothing does', () => {
    const before = fixtureEngine();
    const after = compileRulesOrThrow({ version: 1, rules: [{ name: 'post-page', match: { path: '/posts/:slug' }, cache: { edge: '2h', browser: '60s' }, keys: ['post:{slug}'] }] });
    const [post, search] = diffRules(before, after, [{ url: '/posts/a' }, { url: '/search' }], { target: 'fastly' });
    expect(post?.changes).toEqual(['~ Surrogate-Control: max-age=3600, stale-while-revalidate=300, stale-if-error=86400 → max-age=7200', '- Vary: Accept-Encoding, Authorization']);
    expect(search?.changes).toEqual(['rule: everything-else → (none)']);
  });
});
