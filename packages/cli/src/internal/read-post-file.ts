import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '@alphanode/parser';

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

// Errors a second attempt can get past (too many open files, a busy file, a flaky share); the same
// list as `loadPosts`, so a file reads the same through `parse` and through `check`.
const TRANSIENT = new Set(['EMFILE', 'ENFILE', 'EBUSY', 'EAGAIN', 'ETIMEDOUT', 'EINTR', 'EIO']);

/** A file that could not be read, as a diagnostic that says whether trying again can help. */
export function readFailure(file: string, error: unknown): Diagnostic {
  const code = (error as { code?: string } | undefined)?.code ?? 'UNKNOWN';
  const reason = error instanceof Error ? error.message : String(error);
  return {
    severity: 'error',
    code: 'read-failed',
    message: `could not read the file (${code}): ${reason}`,
    line: 1,
    column: 1,
    file,
    retryable: TRANSIENT.has(code),
  };
}

/**
 * Reads one post file as UTF-8 text. Bytes that are not UTF-8 become U+FFFD, which the parser
 * reports with a position; a file that cannot be read at all is a `read-failed` diagnostic.
 */
export async function readPostFile(cwd: string, file: string): Promise<ReadResult> {
  try {
    const bytes = await readFile(path.resolve(cwd, file));
    return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  } catch (error) {
    return { ok: false, diagnostic: readFailure(file, error) };
  }
}
