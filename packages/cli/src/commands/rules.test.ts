import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCompiledRules, type CompiledRulesJson } from '@alphanode/cache-rules';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../command.ts';
import { runCli } from '../run-cli.ts';

// The rules file shipped with @alphanode/cache-rules, so the CLI runs what the library tests.
const fixtures = fileURLToPath(new URL('../../../cache-rules/test/fixtures/', import.meta.url));

function io(cwd: string): CliIO & { out(): string; err(): string } {
  let out = '';
  let err = '';
  return { cwd, stdout: { write: (chunk: string) => (out += chunk) }, stderr: { write: (chunk: string) => (err += chunk) }, out: () => out, err: () => err };
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alphanode-rules-'));
  await writeFile(join(dir, 'old.yaml'), 'version: 1\nrules:\n  - name: posts\n    match: { path: /posts/:slug }\n    cache: { edge: 1h, browser: 1m }\n    examples: { cached: [/posts/a] }\n  - name: rest\n    match: { path: "/*" }\n    cache: { noStore: true }\n');
  await writeFile(join(dir, 'new.yaml'), 'version: 1\nrules:\n  - name: posts\n    match: { path: /posts/:slug }\n    cache: { edge: 2h, browser: 1m }\n    examples: { cached: [/posts/a], noStore: [/posts/b] }\n  - name: rest\n    match: { path: "/*" }\n    cache: { noStore: true }\n');
  await writeFile(join(dir, 'bad.yaml'), 'version: 1\nrules:\n  - name: a\n    match: { path: /a }\n    cache: { edge: forever }\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('alphanode rules', () => {
  it('test: a line per rule, exit 0 when every example holds', async () => {
    const cli = io(fixtures);
    expect(await runCli(['rules', 'test', 'rules.yaml'], cli)).toBe(0);
    expect(cli.out()).toMatch(/^ok {3}hashed-assets {2}1\/1 examples$/m);
    expect(cli.out()).toMatch(/^ok {3}post-page {2}6\/6 examples$/m);
    expect(cli.out()).toMatch(/examples as expected across 7 rules\n$/);
    expect(cli.err()).toBe('');
  });

  it('test: exit 1 and the reason when an example fails', async () => {
    const cli = io(dir);
    expect(await runCli(['rules', 'test', 'new.yaml'], cli)).toBe(1);
    expect(cli.out()).toMatch(/^FAIL posts {2}1\/2 examples\n {7}noStore: \/posts\/b should be noStore but was cache/m);
  });

  it('test: positioned errors and exit 1 for a file that does not compile', async () => {
    const cli = io(dir);
    expect(await runCli(['rules', 'test', 'bad.yaml'], cli)).toBe(1);
    expect(cli.err()).toMatch(/^bad\.yaml:5:20: error invalid-duration: expected a duration/);
  });

  it('explain: the decision, headers, keys and trace', async () => {
    const cli = io(fixtures);
    expect(await runCli(['rules', 'explain', 'rules.yaml', '/posts/hello', '--target', 'fastly', '--cookie', 'session=1'], cli)).toBe(0);
    expect(cli.out()).toContain('rule:    post-page\naction:  bypass\nreason:  bypass "logged-in": the request has the cookie session\n');
    expect(cli.out()).toContain('  Cache-Control: private, no-store\n');
    expect(cli.out()).toContain('  → post-page: matched\n');
    expect(cli.out()).toContain('    hashed-assets: path does not match /assets/*\n');
  });

  it('explain --json prints the decision as data', async () => {
    const cli = io(fixtures);
    expect(await runCli(['rules', 'explain', 'rules.yaml', '/posts/hello', '--header', 'Accept: text/html', '--target', 'cloudflare', '--json'], cli)).toBe(0);
    const decision = JSON.parse(cli.out()) as { action: string; headers: Record<string, string>; keys: string[] };
    expect(decision.action).toBe('cache');
    expect(decision.headers['Cache-Tag']).toBe('post-hello');
  });

  it('explain --post: purge keys from the post the page shows', async () => {
    const seeds = fileURLToPath(new URL('../../../parser/test/fixtures/seeds/', import.meta.url));
    const [seed] = (await readdir(seeds)).filter((name) => name.endsWith('.txt')).sort();
    const cli = io(fixtures);
    expect(await runCli(['rules', 'explain', 'rules.yaml', '/posts/a', '--post', join(seeds, seed as string), '--target', 'fastly', '--json'], cli)).toBe(0);
    const decision = JSON.parse(cli.out()) as { keys: string[] };
    expect(decision.keys[0]).toBe('post-a');
    expect(decision.keys.some((key) => key.startsWith('topic-'))).toBe(true);
    expect(decision.keys.some((key) => key.startsWith('stack-'))).toBe(true);
  });

  it('explain --post: exit 1 when the post cannot be read', async () => {
    const cli = io(fixtures);
    expect(await runCli(['rules', 'explain', 'rules.yaml', '/posts/a', '--post', 'missing.txt'], cli)).toBe(1);
    expect(cli.err()).toMatch(/^missing\.txt: cannot read/);
  });

  it('diff: which URLs change, and how', async () => {
    const cli = io(dir);
    expect(await runCli(['rules', 'diff', 'old.yaml', 'new.yaml', '/posts/a', '/about'], cli)).toBe(0);
    expect(cli.out()).toBe('CHANGED /posts/a\n          ~ CDN-Cache-Control: max-age=3600 → max-age=7200\nsame    /about\n\n1 of 2 URLs change behaviour (target generic)\n');
  });

  it('lint: every finding at its position, exit 1 on an error', async () => {
    const clean = io(fixtures);
    expect(await runCli(['rules', 'lint', 'rules.yaml'], clean)).toBe(0);
    expect(clean.out()).toBe('0 errors, 0 warnings in rules.yaml\n');
    const cli = io(dir);
    expect(await runCli(['rules', 'lint', 'new.yaml'], cli)).toBe(1);
    expect(cli.out()).toBe('new.yaml:6:47: error example-failed: /posts/b should be noStore but was cache: rule "posts": stored at the edge for 2h, in browsers for 1m\n1 errors, 0 warnings in new.yaml\n');
  });

  it('compile: the JSON loadCompiledRules reads, to stdout or to -o, deciding as the YAML does', async () => {
    const cli = io(fixtures);
    expect(await runCli(['rules', 'compile', 'rules.yaml'], cli)).toBe(0);
    expect(cli.err()).toBe('');
    const printed = JSON.parse(cli.out()) as CompiledRulesJson;
    expect(printed.format).toBe('alphanode-compiled-rules');
    const toFile = io(fixtures);
    const out = join(dir, 'out', 'rules.json');
    expect(await runCli(['rules', 'compile', 'rules.yaml', '-o', out], toFile)).toBe(0);
    expect(toFile.out()).toMatch(/^wrote .*rules\.json: 7 rules, \d+ bytes\n$/);
    const loaded = loadCompiledRules(await readFile(out, 'utf8'), { file: 'rules.json' });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const request = { url: '/posts/hello', headers: { accept: 'text/html' } };
    const yaml = compileRulesOrThrow(await readFile(join(fixtures, 'rules.yaml'), 'utf8'));
    expect(loaded.engine.decide(request, { target: 'fastly' })).toEqual(yaml.decide(request, { target: 'fastly' }));
  });

  it('compile: positioned errors, exit 1, and no file written for rules that do not compile', async () => {
    const cli = io(dir);
    expect(await runCli(['rules', 'compile', 'bad.yaml', '-o', 'bad.json'], cli)).toBe(1);
    expect(cli.err()).toMatch(/^bad\.yaml:5:20: error invalid-duration: /);
    expect(cli.out()).toBe('');
    expect(await readdir(dir)).not.toContain('bad.json');
  });

  it.each([
    [['rules', 'compile'], /compile takes one RULES.yaml/],
    [['rules'], /expected a subcommand/],
    [['rules', 'nope'], /unknown subcommand "nope"/],
    [['rules', 'test', 'a.yaml', '--target', 'x'], /unknown --target "x"/],
    [['rules', 'explain', 'a.yaml'], /explain takes RULES.yaml and one URL/],
    [['rules', 'diff', 'a.yaml', 'b.yaml'], /at least one URL/],
    [['rules', 'test', 'a.yaml', '--bogus'], /Unknown option/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const cli = io(dir);
    expect(await runCli(args, cli)).toBe(2);
    expect(cli.err()).toMatch(message);
  });
});
