import { readFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import fg from 'fast-glob';
import type { Diagnostic } from '../diagnostic.ts';
import { parsePost, type ParseOptions, type ParseResult } from '../parse/parse-post.ts';

/** Configures `loadPost` and `loadPosts`: where to look, how many files at once, how to read one, and `strict` parsing. */
export interface LoadOptions extends Omit<ParseOptions, 'file'> {
  /** Where relative patterns start; also the base of the `file` each result names. Default: `process.cwd()`. */
  cwd?: string;
  /** How many files are read and parsed at once. Default 8. */
  concurrency?: number;
  /** Reads one file; default `fs.promises.readFile`. For virtual file systems, and for tests of I/O failures. */
  readFile?: (absolutePath: string) => Promise<Uint8Array>;
}

/** One file from `loadPost` or `loadPosts`: its path and its parse result (a file that could not be read fails with `read-failed`). */
export interface LoadedPost {
  /** The path as matched, relative to `cwd`, with `/` separators. */
  file: string;
  result: ParseResult;
}

// Errors a second attempt can get past: too many open files, a busy or locked file, a network share.
const TRANSIENT = new Set(['EMFILE', 'ENFILE', 'EBUSY', 'EAGAIN', 'ETIMEDOUT', 'EINTR', 'EIO']);

/**
 * A file that could not be read, as a `read-failed` diagnostic that says whether trying again can
 * help (too many open files, a busy file, a flaky share) or not (no such file, no permission).
 */
export function readFailureDiagnostic(file: string, error: unknown): Diagnostic {
  const code = (error as { code?: string } | undefined)?.code ?? 'UNKNOWN';
  const reason = error instanceof Error ? error.message : String(error);
  return { severity: 'error', code: 'read-failed', message: `could not read the file (${code}): ${reason}`, line: 1, column: 1, file, retryable: TRANSIENT.has(code) };
}

async function load(cwd: string, file: string, read: (path: string) => Promise<Uint8Array>, options: ParseOptions): Promise<LoadedPost> {
  let bytes: Uint8Array;
  try {
    bytes = await read(path.resolve(cwd, file));
  } catch (error) {
    return { file, result: { ok: false, diagnostics: [readFailureDiagnostic(file, error)], locations: new Map() } };
  }
  // Not fatal: bytes that are not UTF-8 become U+FFFD, which the parser reports with its position.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { file, result: parsePost(text, { ...options, file }) };
}

/**
 * Reads and parses one file (`file` relative to `cwd`); an unreadable file is a `read-failed`
 * diagnostic, never an exception.
 *
 * @example
 * const { result } = await loadPost('posts/a.txt', { cwd });
 */
export function loadPost(file: string, options: Omit<LoadOptions, 'concurrency'> = {}): Promise<LoadedPost> {
  const parseOptions: ParseOptions = options.strict === undefined ? {} : { strict: options.strict };
  return load(options.cwd ?? process.cwd(), file, options.readFile ?? readFile, parseOptions);
}

/**
 * Reads and parses every file the glob patterns match, yielding one `{ file, result }` per file in
 * sorted path order, whatever order the reads finish in. A file that cannot be read or parsed yields
 * its diagnostics and the iteration goes on; at most `concurrency` files are in memory at once.
 *
 * @example
 * for await (const { file, result } of loadPosts(['content/**\/*.txt'], { cwd })) {
 *   if (!result.ok) console.error(file, result.diagnostics);
 * }
 */
export async function* loadPosts(patterns: string | readonly string[], options: LoadOptions = {}): AsyncGenerator<LoadedPost> {
  const cwd = options.cwd ?? process.cwd();
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 8));
  const read = options.readFile ?? readFile;
  const parseOptions: ParseOptions = options.strict === undefined ? {} : { strict: options.strict };
  const files = (await fg([...(typeof patterns === 'string' ? [patterns] : patterns)], { cwd, onlyFiles: true, dot: false })).sort();
  const pending: Promise<LoadedPost>[] = [];
  let next = 0;
  while (next < files.length && pending.length < concurrency) pending.push(load(cwd, files[next++] as string, read, parseOptions));
  while (pending.length > 0) {
    const loaded = await (pending.shift() as Promise<LoadedPost>);
    if (next < files.length) pending.push(load(cwd, files[next++] as string, read, parseOptions));
    yield loaded;
  }
}
