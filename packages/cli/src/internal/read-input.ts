import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIO } from '../command.ts';

/** A file named on the command line, as text; undefined (and why, on stderr) when it cannot be read. */
export async function readInput(file: string, io: CliIO): Promise<string | undefined> {
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    io.stderr.write(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}
