import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** Removes the temp folder, with any files a run killed mid-write left in it. */
export function removeTempFiles(outDir: string): void {
  const tempDir = path.join(outDir, TEMP_DIR);
  rmSync(tempDir, { recursive: true, force: true });
  for (const dir of made) if (dir.startsWith(tempDir)) made.delete(dir);
}
