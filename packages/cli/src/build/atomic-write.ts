import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What a temp file of ours is called: `<name>.alphanode-tmp-<random>`, so a later run can find leftovers. */
const TEMP_MARK = '.alphanode-tmp-';

/**
 * Writes `content` to `file` so that a reader, or a run killed at any moment, sees the old file or
 * the new one, never half of one: the bytes go to a temp file beside it, then a rename replaces it.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}${TEMP_MARK}${randomBytes(6).toString('hex')}`;
  try {
    await writeFile(temp, content);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
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
