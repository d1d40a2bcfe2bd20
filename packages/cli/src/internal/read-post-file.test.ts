import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers.ts';
import { readFailure, readPostFile } from './read-post-file.ts';

let dir = '';
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeFile(path.join(dir, 'bom.txt'), new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69, 0xff]));
});
afterAll(() => cleanup());

describe('readPostFile', () => {
  it('keeps a byte-order mark for the parser to report, and turns bytes that are not UTF-8 into U+FFFD', async () => {
    expect(await readPostFile(dir, 'bom.txt')).toEqual({ ok: true, text: '\uFEFFhi\uFFFD' });
  });

  it('reports a missing file as read-failed, not retryable', async () => {
    const result = await readPostFile(dir, 'missing.txt');
    expect(result).toMatchObject({ ok: false, diagnostic: { code: 'read-failed', severity: 'error', file: 'missing.txt', line: 1, column: 1, retryable: false } });
  });

  it('marks the I/O errors a retry can get past as retryable', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
    expect(readFailure('a.txt', error('EMFILE')).retryable).toBe(true);
    expect(readFailure('a.txt', error('EBUSY')).retryable).toBe(true);
    expect(readFailure('a.txt', error('EACCES')).retryable).toBe(false);
    expect(readFailure('a.txt', 'odd').message).toBe('could not read the file (UNKNOWN): odd');
  });
});
