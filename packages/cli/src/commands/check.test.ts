import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo, seedsDir, tempDir } from '../../test/helpers.ts';
import { seed, writeMixedPosts } from '../../test/posts.ts';
import { runCli } from '../run-cli.ts';

let dir = '';
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeMixedPosts(dir);
});
afterAll(() => cleanup());

const SUMMARY = /^checked (\d+) files?: (\d+) ok, (\d+) with warnings, (\d+) with errors \(\d+\.\d\ds\)$/;

describe('alphanode check', () => {
  it('passes the seeds with one summary line and nothing else', async () => {
    const io = captureIo(seedsDir);
    expect(await runCli(['check', '*.txt'], io)).toBe(0);
    expect(io.out()).toMatch(/^checked 2 files: 2 ok, 0 with warnings, 0 with errors \(\d+\.\d\ds\)\n$/);
    expect(io.err()).toBe('');
  });

  it('goes on past a broken file, prints each finding, and exits 1', async () => {
    const io = captureIo(dir);
    expect(await runCli(['check', 'posts/*.txt'], io)).toBe(1);
    const lines = io.out().trimEnd().split('\n');
    const summary = SUMMARY.exec(lines.pop() as string);
    expect(summary?.slice(1, 5)).toEqual(['4', '2', '1', '1']);
    expect(lines.some((line) => line.startsWith('posts/b-warning.txt:') && line.includes(': warning paragraph-count: payload says 7 paragraphs'))).toBe(true);
    expect(lines.some((line) => line.startsWith('posts/c-broken.txt:') && line.includes(': error missing-field:'))).toBe(true);
    for (const line of lines) expect(line).toMatch(/^posts\/[a-z-]+\.txt:\d+:\d+: (error|warning) [a-z-]+: /);
    // The CRLF file has only an info finding, shown with --verbose.
    expect(io.out()).not.toContain('d-crlf.txt');
  });

  it('shows info findings with --verbose', async () => {
    const io = captureIo(dir);
    await runCli(['check', 'posts/d-*.txt', '--verbose'], io);
    expect(io.out()).toMatch(/^posts\/d-crlf\.txt:1:2: info crlf-line-endings: /);
  });

  it('lists the lines the classifier found ambiguous with --verbose, and passes the file', async () => {
    // `return` opens Python statements, so this heading is read as one only after its rules disagree.
    await writeFile(path.join(dir, 'ambiguous.txt'), seed(1).replace('\nthe practical approach\n', '\nreturn on investment\n'));
    const quiet = captureIo(dir);
    expect(await runCli(['check', 'ambiguous.txt'], quiet)).toBe(0);
    expect(quiet.out()).toMatch(/^checked 1 file: 1 ok, /);
    const verbose = captureIo(dir);
    expect(await runCli(['check', 'ambiguous.txt', '--verbose'], verbose)).toBe(0);
    expect(verbose.out()).toMatch(/^ambiguous\.txt:12:1: info ambiguous-line: "return on investment" is read as a heading by rule prose-words .*language-keyword says code/m);
  });

  it('turns every warning, lint included, into an error with --strict', async () => {
    const io = captureIo(dir);
    expect(await runCli(['check', 'posts/a-*.txt', 'posts/b-*.txt', '--strict'], io)).toBe(1);
    expect(io.out()).toContain('posts/b-warning.txt:');
    expect(io.out()).toContain(': error paragraph-count:');
    expect(io.out().trimEnd().split('\n').pop()).toMatch(/^checked 2 files: 1 ok, 0 with warnings, 1 with errors/);
  });

  it('prints {summary, files} as JSON with --json, and the summary line on stderr', async () => {
    const io = captureIo(dir);
    expect(await runCli(['check', 'posts/*.txt', '--json'], io)).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.summary).toMatchObject({ files: 4, ok: 2, warnings: 1, errors: 1 });
    expect(report.files.map((file: { file: string; status: string }) => [file.file, file.status])).toEqual([
      ['posts/a-good.txt', 'ok'],
      ['posts/b-warning.txt', 'warnings'],
      ['posts/c-broken.txt', 'errors'],
      ['posts/d-crlf.txt', 'ok'],
    ]);
    expect(report.files[2].diagnostics[0]).toMatchObject({ severity: 'error', file: 'posts/c-broken.txt', retryable: false });
    expect(io.err().trimEnd()).toMatch(SUMMARY);
    // Info diagnostics only with --verbose, as in the text output.
    expect(report.files[3].diagnostics).toEqual([]);
    const verbose = captureIo(dir);
    await runCli(['check', 'posts/d-*.txt', '--json', '--verbose'], verbose);
    expect(JSON.parse(verbose.out()).files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(['crlf-line-endings']);
  });

  it('draws a progress bar on stderr only when stderr is a terminal', async () => {
    const tty = captureIo(dir, { tty: true });
    await runCli(['check', 'posts/*.txt'], tty);
    expect(tty.err()).toContain('\r\x1b[2K[');
    expect(tty.err()).toContain('4/4 100%');
    expect(tty.err().endsWith('\r\x1b[2K')).toBe(true);
    expect(tty.out()).not.toContain('\x1b');

    const pipe = captureIo(dir);
    await runCli(['check', 'posts/*.txt'], pipe);
    expect(pipe.err()).toBe('');
  });

  it('exits 2 when no file matches, or the command line is wrong', async () => {
    const none = captureIo(dir);
    expect(await runCli(['check', 'nothing/*.txt'], none)).toBe(2);
    expect(none.err()).toContain('alphanode check: no files match "nothing/*.txt"');
    for (const args of [['check'], ['check', '*.txt', '--concurrency', 'many'], ['check', '*.txt', '--concurrency', '0'], ['check', '--nope']]) {
      const io = captureIo(dir);
      expect(await runCli(args, io)).toBe(2);
      expect(io.err()).toContain('usage: alphanode check GLOB...');
    }
  });
});
