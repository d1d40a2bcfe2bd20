import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Where temp files are written before they are renamed into place: one folder in the out dir, so a
 * later run finds a killed run's leftovers by listing one folder, not the whole site. A rename from
 * it is atomic, being on the same file system.
 */
export const TEMP_DIR = '.alphanode-tmp';

const made = new Set<string>();

// Temp names need only be unique among concurrent writers: a folder per thread, named by a random
// tag (each worker loads this module anew), and a counter, rather than random bytes for every file.
const tag = randomBytes(6).toString('hex');
let written = 0;

function ensureDir(dir: string): void {
  if (made.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  made.add(dir);
}

/**
 * Writes `content` to `relative` under `outDir` so that a reader, or a run killed at any moment,
 * sees the old file or the new one, never half of one: the bytes go to a temp file, then a rename
 * replaces the file. Synchronous on purpose: for thousands of small files, sync calls beat a round
 * trip through the libuv thread pool per call (measured: the async version spent most of a build idle).
 */
export function writeFileAtomic(outDir: string, relative: string, content: string | Uint8Array): void {
  const file = path.join(outDir, relative);
  const dir = path.dirname(file);
  // One folder per thread: threads renaming out of one folder wait on its lock.
  const tempDir = path.join(outDir, TEMP_DIR, tag);
  ensureDir(tempDir);
  ensureDir(dir);
  const temp = path.join(tempDir, (written++).toString(36));
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    // A directory may have been removed since it was made (a post that moved, a run that cleaned
    // up its temp folder); make them again and try once more.
    const hadDir = made.delete(dir);
    const hadTempDir = made.delete(tempDir);
    if (hadDir || hadTempDir) return writeFileAtomic(outDir, relative, content);
    throw error;
  }
}

/**
 * `writeFileAtomic` for text that comes in pieces (a manifest of 100,000 posts), never held whole;
 * returns how many characters were written.
 */
export function writeChunksAtomic(outDir: string, relative: string, chunks: Iterable<string>): number {
  // Made here every time, not through the cache: one call a build, and a staged build's folders come and go.
  const tempDir = path.join(outDir, TEMP_DIR, tag);
  mkdirSync(tempDir, { recursive: true });
  mkdirSync(path.dirname(path.join(outDir, relative)), { recursive: true });
  const temp = path.join(tempDir, (written++).toString(36));
  let length = 0;
  const fd = openSync(temp, 'w');
  try {
    for (const chunk of chunks) {
      writeSync(fd, chunk);
      length += chunk.length;
    }
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path.join(outDir, relative));
  return length;
}

/** Removes the temp folder, with any files a run killed mid-write left in it. */
export function removeTempFiles(outDir: string): void {
  const tempDir = path.join(outDir, TEMP_DIR);
  rmSync(tempDir, { recursive: true, force: true });
  for (const dir of made) if (dir.startsWith(tempDir)) made.delete(dir);
}
