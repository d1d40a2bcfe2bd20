import { appendFileSync, closeSync, fstatSync, openSync, readSync } from 'node:fs';

const last = new Uint8Array(1);

/**
 * Appends one line to a JSON-lines file. A run killed mid-append leaves a torn last line with no
 * newline; the next line starts on a line of its own, so that only the torn one is lost, not the
 * next run's too.
 */
export function appendLine(file: string, line: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return appendFileSync(file, `${line}\n`);
  }
  let torn: boolean;
  try {
    const { size } = fstatSync(fd);
    torn = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
  } finally {
    closeSync(fd);
  }
  appendFileSync(file, `${torn ? '\n' : ''}${line}\n`);
}
