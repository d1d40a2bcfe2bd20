import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import process from 'node:process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo, repoDir, tempDir } from '../../test/helpers.ts';
import { writeMixedPosts } from '../../test/posts.ts';
import { LOCK_FILE } from '@alphanode/site/node';
import { runCli } from '../run-cli.ts';

let dir = '';
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeMixedPosts(dir);
  await writeFile(path.join(dir, 'rules.yaml'), readFileSync(path.join(repoDir, 'examples/rules.yaml')));
});
afterAll(() => cleanup());

describe('alphanode build', () => {
  it('builds the good posts, reports the bad one as FILE:LINE:COL, and exits 1', async () => {
    const io = captureIo(dir);
    expect(await runCli(['build', 'posts/*.txt', '--out', 'site', '--rules', 'rules.yaml'], io)).toBe(1);
    expect(io.err()).toMatch(/^posts\/[^:]+\.txt:\d+:\d+: error [a-z-]+: /m);
    expect(io.out()).toMatch(/^built 3, unchanged 0, skipped 1, removed 0; \d+ files written in \d+ ms$/m);
    expect(readFileSync(path.join(dir, 'site', '_headers'), 'utf8')).toContain('/posts/:slug');
  });

  it('prints one JSON summary line with --json, and writes nothing the second time', async () => {
    const io = captureIo(dir);
    expect(await runCli(['build', 'posts/*.txt', '--out', 'site', '--rules', 'rules.yaml', '--json'], io)).toBe(1);
    const lines = io.out().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ built: 0, unchanged: 3, skipped: 1, written: 0, purge: { keys: 0, urls: 0 } });
  });

  it('exits 75 (try again later) while another build writes the same --out, and 1 for rules that do not compile', async () => {
    mkdirSync(path.join(dir, 'busy'), { recursive: true });
    // This very process stands in for a build that is running.
    writeFileSync(path.join(dir, 'busy', LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: '2026-12-02T00:00:00.000Z' }));
    const io = captureIo(dir);
    expect(await runCli(['build', 'posts/*.txt', '--out', 'busy'], io)).toBe(75);
    expect(io.err()).toMatch(/^alphanode build: another build \(pid \d+, since 2026-12-02T00:00:00.000Z\) is writing .*busy; run again when it ends$/m);
    await writeFile(path.join(dir, 'bad-rules.yaml'), 'version: 1\nrules: []\n');
    expect(await runCli(['build', 'posts/*.txt', '--out', 'other', '--rules', 'bad-rules.yaml'], io)).toBe(1);
    expect(io.err()).toMatch(/^alphanode build: the cache rules do not compile:$/m);
  });

  it('lints only with --lint, and takes the page size and the theme from the command line', async () => {
    const io = captureIo(dir);
    expect(await runCli(['build', 'posts/*.txt', '--out', 'plain', '--page-size', '1', '--no-theme'], io)).toBe(1);
    // b-warning.txt's meta says 7 paragraphs where the body has 8: a lint finding, not a parse one.
    expect(io.err()).not.toMatch(/paragraph-count/);
    expect(readFileSync(path.join(dir, 'plain', 'page', '3', 'index.html'), 'utf8')).toContain('<!DOCTYPE html>');
    expect(existsSync(path.join(dir, 'plain', 'assets'))).toBe(false);
    const linted = captureIo(dir);
    expect(await runCli(['build', 'posts/*.txt', '--out', 'linted', '--lint'], linted)).toBe(1);
    expect(linted.err()).toMatch(/^posts\/b-warning\.txt:\d+:\d+: warning paragraph-count: /m);
    expect(existsSync(path.join(dir, 'linted', 'page'))).toBe(false);
    expect(readdirSync(path.join(dir, 'linted', 'assets'))).toHaveLength(1);
  });

  it('says what is wrong with the command line', async () => {
    const io = captureIo(dir);
    expect(await runCli(['build', 'posts/*.txt'], io)).toBe(2);
    expect(io.err()).toMatch(/expected --out DIR/);
    expect(await runCli(['build', 'posts/*.txt', '--out', 'x', '--target', 'nope'], io)).toBe(2);
    expect(await runCli(['build', 'posts/*.txt', '--out', 'x', '--rules', 'missing.yaml'], io)).toBe(1);
    expect(io.err()).toMatch(/^alphanode build: cannot read the rules missing\.yaml: no such file$/m);
    expect(await runCli(['build', 'posts/*.txt', '--out', 'x', '--page-size', '0'], io)).toBe(2);
    expect(io.err()).toMatch(/--page-size "0": expected a whole number of posts from 1/);
  });
});
