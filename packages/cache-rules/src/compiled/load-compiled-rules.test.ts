import { readFileSync } from 'node:fs';
import type { Post } from '@alphanode/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureYaml } from '../../test/load-fixture.ts';
import { CacheRulesError } from '../cache-rules-error.ts';
import { compileRules, compileRulesOrThrow } from '../compile/compile-rules.ts';
import { compileRulesToJson } from '../compile/compile-rules-to-json.ts';
import { ALLOWED_KEYS } from '../config/rules-schema.ts';
import type { RulesDiagnostic } from '../diagnostic.ts';
import type { CacheRulesEngine } from '../engine/create-engine.ts';
import type { DecideOptions } from '../engine/decision.ts';
import { runExamples } from '../examples/run-examples.ts';
import { TARGETS } from '../targets/target-profiles.ts';
import { COMPILED_KEYS, type CompiledRulesJson } from './compiled-rules-json.ts';
import { loadCompiledRules, loadCompiledRulesOrThrow } from './load-compiled-rules.ts';

// The example rules: the package's fixture and the one the examples serve.
const FILES = {
  'test/fixtures/rules.yaml': fixtureYaml,
  'examples/rules.yaml': readFileSync(new URL('../../../../examples/rules.yaml', import.meta.url), 'utf8'),
};

function compiledJson(yaml: string): CompiledRulesJson {
  const compiled = compileRulesToJson(yaml, { file: 'rules.yaml' });
  if (!compiled.ok) throw new Error(`did not compile: ${JSON.stringify(compiled.diagnostics)}`);
  return compiled.json;
}

function loaded(input: Parameters<typeof loadCompiledRules>[0]): CacheRulesEngine {
  const result = loadCompiledRules(input, { file: 'rules.json' });
  if (!result.ok) throw new Error(`did not load: ${JSON.stringify(result.diagnostics)}`);
  return result.engine;
}

const POST = { title: 'Improving Asset Delivery', meta: { topic: 'Slow pages / CDN', stack: ['Go', 'PostgreSQL'] } } as unknown as Post;

// Requests near what the rules name (their paths, cookies, hosts, statuses) and anything else.
const path = fc.oneof(
  fc.constantFrom('/', '/posts/hello', '/posts/hello.json', '/posts/a%20b', '/posts/%zz', '/topics/perf', '/stacks/go', '/assets/site.1.css', '/account/settings', '/healthz', '/admin/purge', '/search'),
  fc.stringMatching(/^\/(posts|assets|topics|stacks|account|v1)\/[a-z%0-9._-]{0,30}(\/[a-z.]{0,8})?$/),
  fc.string({ maxLength: 60 }),
);
const query = fc.constantFrom('', '?preview=1', '?page=2', '?preview', '?x=1&preview=0');
const host = fc.constantFrom(undefined, 'example.com', 'api.example.com', 'www.example.com', 'ADMIN.example.com.:443');
const cookie = fc.option(fc.constantFrom('session=1', 'theme=dark', 'wp_logged_in_42=x', 'preview_token=t', 'theme=dark, session=alice', 'a=1; b=2'), { nil: undefined });
const header = fc.dictionary(fc.constantFrom('accept', 'authorization', 'x-variant', 'accept-encoding', 'x-preview'), fc.constantFrom('text/html', 'b', 'gzip', 'Bearer t', '1'), { maxKeys: 3 });
const response = fc.option(
  fc.record(
    {
      status: fc.constantFrom(200, 204, 206, 301, 302, 304, 404, 410, 500, 501, 503),
      headers: fc.constantFrom<Record<string, string>>({}, { 'set-cookie': 'a=1' }, { 'content-type': 'text/html; charset=utf-8' }, { 'content-type': 'image/png' }),
    },
    { requiredKeys: ['headers'] },
  ),
  { nil: undefined },
);
const request = fc.record({ path, query, host, cookie, header, method: fc.constantFrom(undefined, 'GET', 'HEAD', 'POST', 'get'), response, post: fc.boolean(), explain: fc.boolean(), target: fc.constantFrom(...TARGETS) });

describe('loadCompiledRules decides as compileRules does', () => {
  for (const [file, yaml] of Object.entries(FILES)) {
    const fromYaml = compileRulesOrThrow(yaml, { file: 'rules.yaml' });
    const json = compiledJson(yaml);
    const fromText = loaded(JSON.stringify(json));
    const fromValue = loaded(json);

    it(`${file}: the same decision for every request, from the JSON text and from its value`, () => {
      fc.assert(
        fc.property(request, (r) => {
          const headers: Record<string, string> = { ...r.header, ...(r.cookie === undefined ? {} : { cookie: r.cookie }), ...(r.host === undefined ? {} : { host: r.host }) };
          const input = { url: `${r.path}${r.query}`, headers, ...(r.method === undefined ? {} : { method: r.method }) };
          const options: DecideOptions = { target: r.target, explain: r.explain, ...(r.response === undefined ? {} : { response: r.response }), ...(r.post ? { post: POST } : {}) };
          const expected = fromYaml.decide(input, options);
          expect(fromText.decide(input, options)).toEqual(expected);
          expect(fromValue.decide(input, options)).toEqual(expected);
          expect(fromText.keysFor(input.url, r.post ? POST : undefined)).toEqual(fromYaml.keysFor(input.url, r.post ? POST : undefined));
        }),
        { numRuns: 1500 },
      );
    });

    it(`${file}: the same config, and every example decided alike`, () => {
      expect(fromText.config).toEqual(fromYaml.config);
      expect(fromText.rules.map((rule) => rule.name)).toEqual(fromYaml.rules.map((rule) => rule.name));
      expect(runExamples(fromText)).toEqual(runExamples(fromYaml));
      expect(runExamples(fromText).every((example) => example.passed)).toBe(true);
    });
  }

  it('reads JSON.stringify output whatever its indentation', () => {
    const json = compiledJson(fixtureYaml);
    expect(loaded(JSON.stringify(json, null, 2)).config).toEqual(loaded(JSON.stringify(json)).config);
  });
});

describe('compileRulesToJson', () => {
  it('gives plain data: JSON and back is the same value', () => {
    const json = compiledJson(fixtureYaml);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.format).toBe('alphanode-compiled-rules');
    expect(json.formatVersion).toBe(1);
  });

  it('reports a file that does not compile as compileRules does, and gives no JSON', () => {
    const bad = 'version: 1\nrules:\n  - name: a\n    match: { path: /a }\n    cache: { edge: forever }\n';
    const result = compileRulesToJson(bad, { file: 'bad.yaml' });
    expect(result.ok).toBe(false);
    expect(result.json).toBeUndefined();
    expect(result.diagnostics).toEqual(compileRules(bad, { file: 'bad.yaml' }).diagnostics);
  });
});

/** The first diagnostic of a document that must not load, without the fields every one has. */
function firstProblem(input: unknown): Pick<RulesDiagnostic, 'code' | 'path' | 'rule' | 'line' | 'column'> & { message: string } {
  const result = loadCompiledRules(input as string);
  expect(result.ok).toBe(false);
  expect(result.engine).toBeUndefined();
  for (const diagnostic of result.diagnostics) expect(diagnostic.severity).toBe('error');
  const [first] = result.diagnostics;
  if (!first) throw new Error('no diagnostic');
  const { code, path, rule, line, column, message } = first;
  return { code, message, line, column, ...(path === undefined ? {} : { path }), ...(rule === undefined ? {} : { rule }) };
}

/** The fixture's compiled document with one change. */
function edited(change: (json: { config: Record<string, unknown> & { rules: Record<string, unknown>[] } } & Record<string, unknown>) => void): unknown {
  const json = structuredClone(compiledJson(fixtureYaml)) as unknown as Parameters<typeof change>[0];
  change(json);
  return json;
}

describe('loadCompiledRules on a bad document: diagnostics as data, never a throw', () => {
  it('text that is not JSON (a YAML file passed by mistake), with the line and column', () => {
    const problem = firstProblem('{\n  "format": "alphanode-compiled-rules",\n  oops\n}');
    expect(problem).toMatchObject({ code: 'json-syntax', line: 3, column: 3 });
    expect(problem.message).toMatch(/^expected compiled rules as JSON text; /);
    expect(firstProblem(fixtureYaml).code).toBe('json-syntax');
    expect(firstProblem(JSON.stringify(compiledJson(fixtureYaml)).slice(0, 500)).code).toBe('json-syntax');
  });

  it('a value that is neither text nor an object', () => {
    expect(firstProblem(null)).toEqual({ code: 'invalid-input', message: 'expected compiled rules as JSON text or its parsed value; found null', line: 0, column: 0 });
    expect(firstProblem(42).code).toBe('invalid-input');
  });

  it('JSON that is not compiled rules: a rules config as is, another format, another version', () => {
    expect(firstProblem({ version: 1, rules: [] })).toMatchObject({ code: 'not-compiled-rules', path: [], message: expect.stringMatching(/^this is a rules config, not compiled rules: compile the rules file with compileRulesToJson/) });
    expect(firstProblem(edited((json) => void (json.format = 'something-else')))).toMatchObject({ code: 'not-compiled-rules', path: ['format'] });
    expect(firstProblem(edited((json) => void (json.formatVersion = 2)))).toMatchObject({ code: 'not-compiled-rules', path: ['formatVersion'], message: expect.stringMatching(/found number 2: compile the rules again/) });
    expect(firstProblem([])).toMatchObject({ code: 'invalid-type', path: [], message: 'expected a mapping; found a list' });
  });

  it('a config edited out of shape: each problem at its path, with its rule', () => {
    expect(firstProblem(edited((json) => void ((json.config.rules[1]?.cache as Record<string, unknown>).edge = '1h')))).toEqual({
      code: 'invalid-duration',
      message: 'expected a number of seconds; found string "1h"',
      path: ['config', 'rules', 1, 'cache', 'edge'],
      rule: 'not-found',
      line: 0,
      column: 0,
    });
    expect(firstProblem(edited((json) => void ((json.config.rules[0] as Record<string, unknown>).vary = ['Accept\r\nSet-Cookie: a=1'])))).toMatchObject({ code: 'invalid-value', path: ['config', 'rules', 0, 'vary', 0] });
    expect(firstProblem(edited((json) => void ((json.config.rules[0] as Record<string, unknown>).vary = ['Cookie'])))).toMatchObject({ code: 'risky-vary' });
    expect(firstProblem(edited((json) => void (json.config.rules[0] = { ...json.config.rules[0], extra: 1 })))).toMatchObject({ code: 'unknown-key', path: ['config', 'rules', 0, 'extra'] });
    expect(firstProblem(edited((json) => void (json.config.rules = [])))).toMatchObject({ code: 'invalid-value', path: ['config', 'rules'] });
    expect(firstProblem(edited((json) => void delete json.config.rules[0]?.match))).toMatchObject({ code: 'missing-key', path: ['config', 'rules', 0] });
    expect(firstProblem(edited((json) => void ((json.config.rules[0]?.match as Record<string, unknown>).path = '/a')))).toMatchObject({ code: 'invalid-type', message: 'expected a list; found string "/a"' });
    expect(firstProblem(edited((json) => void (json.config.rules = Array.from({ length: 2001 }, () => json.config.rules[0] as Record<string, unknown>))))).toMatchObject({ code: 'too-many' });
  });

  it('what needs compiling is checked as for a YAML file: patterns, bypass names, duplicate rules', () => {
    expect(firstProblem(edited((json) => void ((json.config.rules[0]?.match as Record<string, unknown>).path = ['/a/*/b'])))).toMatchObject({ code: 'invalid-pattern', path: ['config', 'rules', 0, 'match', 'path', 0], rule: 'hashed-assets' });
    expect(firstProblem(edited((json) => void ((json.config.rules[0] as Record<string, unknown>).bypass = ['nope'])))).toMatchObject({ code: 'undefined-bypass', path: ['config', 'rules', 0, 'bypass', 0] });
    expect(firstProblem(edited((json) => void ((json.config.rules[1] as Record<string, unknown>).name = 'hashed-assets')))).toMatchObject({ code: 'duplicate-rule', path: ['config', 'rules', 1, 'name'] });
  });

  it('names the file in every diagnostic', () => {
    const result = loadCompiledRules('nope', { file: 'dist/rules.json' });
    expect(result.diagnostics.map((diagnostic) => diagnostic.file)).toEqual(['dist/rules.json']);
  });

  it('never throws, whatever JSON value it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = loadCompiledRules(JSON.stringify(value) ?? 'null');
        expect(result.ok).toBe(false);
        for (const diagnostic of result.diagnostics) expect(diagnostic).toMatchObject({ code: expect.any(String), message: expect.any(String), severity: 'error' });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on the compiled document with one value replaced anywhere; what loads decides without a throw', () => {
    const json = compiledJson(FILES['examples/rules.yaml']);
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (value != null && typeof value === 'object') for (const [key, child] of Object.entries(value)) walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
    };
    walk(json, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((path) => path.length > 0)), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)), (path, replacement) => {
        const copy = structuredClone(json) as unknown as Record<string | number, unknown>;
        let parent = copy;
        for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
        parent[path.at(-1) as string | number] = replacement;
        const result = loadCompiledRules(copy);
        if (result.ok) for (const target of TARGETS) result.engine.decide({ url: '/posts/hello', headers: { cookie: 'session=1' } }, { target, post: POST });
        else expect(result.diagnostics.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('loadCompiledRulesOrThrow throws a CacheRulesError that carries the diagnostics', () => {
    expect(() => loadCompiledRulesOrThrow('{}')).toThrow(CacheRulesError);
    try {
      loadCompiledRulesOrThrow('{}');
    } catch (error) {
      expect((error as CacheRulesError).code).toBe('invalid-rules');
      expect((error as CacheRulesError).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['missing-key', 'missing-key', 'missing-key']);
    }
  });
});

describe('the compiled document’s keys', () => {
  it('are the rules schema’s, which stays the source of truth', () => {
    expect(COMPILED_KEYS).toEqual(ALLOWED_KEYS);
  });
});
