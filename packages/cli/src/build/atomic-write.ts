import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** What a temp file of ours is called: `<name>.alphanode-tmp-<random>`, so a later run can find leftovers. */
const TEMP_MARK = '.alphanode-tmp-';

const made = new Set<string>();

/**
 * Writes `content` to `file` so that a reader, or a run killed at any moment, sees the old file or
 * the new one, never half of one: the bytes go to a temp file beside it, then a rename replaces it.
 * Synchronous on purpose: for thousands of small files, sync calls beat a round trip through the
 * libuv thread pool per call (measured: the async version spent most of a build idle).
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = path.dirname(file);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  const temp = `${file}${TEMP_MARK}${randomBytes(6).toString('hex')}`;
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    // The directory may have been removed since it was made (a post that moved); try once more.
    if (made.delete(dir)) return writeFileAtomic(file, content);
    throw error;
  }
}

/** Removes temp files left by a run that was killed mid-write; returns how many there were. */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let removed = 0;
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.includes(TEMP_MARK)) continue;
    await rm(path.join(entry.parentPath, entry.name), { force: true });
    removed++;
  }
  return removed;
}
