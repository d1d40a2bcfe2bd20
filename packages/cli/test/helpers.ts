import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../src/command.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The two real sample posts, kept in the parser's fixtures. */
export const seedsDir = path.resolve(here, '../../parser/test/fixtures/seeds');
export const packageDir = path.resolve(here, '..');
export const repoDir = path.resolve(here, '../../..');

export interface CapturedIO extends CliIO {
  out(): string;
  err(): string;
}

/** An `io` that keeps what a command writes; `tty` makes stderr claim to be a terminal. */
export function captureIo(cwd: string, options: { tty?: boolean } = {}): CapturedIO {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    cwd,
    stdout: { write: (chunk: string) => stdout.push(chunk) },
    stderr: { write: (chunk: string) => stderr.push(chunk), isTTY: options.tty === true },
    out: () => stdout.join(''),
    err: () => stderr.join(''),
  };
}

/** A fresh temporary directory and the function that removes it. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'alphanode-cli-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
