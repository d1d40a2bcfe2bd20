import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoDir, seedsDir, tempDir } from '../test/helpers.ts';
import { SEED_FILES } from '../test/posts.ts';

// End to end: the real bin entry in a child process, run from source as in development.
function alphanode(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--conditions=@alphanode/source', 'packages/cli/src/cli.ts', ...args], { cwd: repoDir }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dir = '';
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

describe('the alphanode bin', () => {
  it('prints its package version for --version, with the JSON import Node loads from source', async () => {
    const { version } = JSON.parse(await readFile(path.join(repoDir, 'packages/cli/package.json'), 'utf8')) as { version: string };
    expect(await alphanode('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('parses, formats and checks the seeds, and checks a generated corpus', async () => {
    const seed = path.join(seedsDir, SEED_FILES[1]);
    const [parsed, formatted, checked, generated] = await Promise.all([
      alphanode('parse', seed, '--json'),
      alphanode('format', seed),
      alphanode('check', `${seedsDir}/*.txt`),
      alphanode('generate', '--count', '20', '--seed', '5', '--hostile', '--out', dir),
    ]);
    expect(parsed).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(parsed.stdout).title).toBe('practical guide to improving asset delivery with python services');
    expect(formatted).toEqual({ code: 0, stdout: await readFile(seed, 'utf8'), stderr: '' });
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^checked 2 files: 2 ok, 0 with warnings, 0 with errors \(\d+\.\d\ds\)\n$/);
    expect(generated).toEqual({ code: 0, stdout: `wrote 20 hostile posts to ${dir} (seed 5)\n`, stderr: '' });

    const corpus = await alphanode('check', `${dir}/*.txt`, '--strict', '--json');
    // Under --strict a hostile reference, hash or version is an error; nothing else is found.
    const report = JSON.parse(corpus.stdout) as { summary: { files: number }; files: { diagnostics: { code: string }[] }[] };
    expect(report.summary.files).toBe(20);
    expect(new Set(report.files.flatMap((file) => file.diagnostics.map((d) => d.code)))).toEqual(new Set(['value-format']));
    expect(corpus.stderr).toMatch(/^checked 20 files: /);

    const bad = await alphanode('parse', path.join(dir, 'missing.txt'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error read-failed');
  });
});
