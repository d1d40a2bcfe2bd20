import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TEMP_DIR } from './atomic-write.ts';
import { BuildError } from './build-error.ts';
import { LOCK_FILE } from './build-lock.ts';

/**
 * A build into an out dir that serves nothing yet writes every file straight into a staging folder
 * beside it, then swaps that in with one rename: as atomic for readers and for kill -9 as a temp
 * file and rename per file, at a fraction of the system calls (a full 10,000-post build writes
 * 20,000 files). A killed run leaves the staging folder, which the next run clears.
 */
export function stagingDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.alphanode-staging`);
}

/** Whether the out dir holds nothing but this build's lock (and a killed run's temp folder): nothing is served from it. */
export function servesNothing(outDir: string): boolean {
  return readdirSync(outDir).every((entry) => entry === LOCK_FILE || entry === TEMP_DIR);
}

/** An empty staging folder for `outDir`, a killed run's leftovers removed. */
export function prepareStaging(outDir: string): string {
  const staging = stagingDirFor(outDir);
  rmSync(staging, { recursive: true, force: true });
  return staging;
}

/**
 * Puts the staged site in the out dir's place. rename(2) replaces an empty folder atomically, so the
 * lock moves into the staged site first (the caller's release removes it from there). A build that
 * takes the out dir's lock in the instant between has the out dir; this one then gives way with a
 * retryable error, its staging folder removed.
 */
export function swapIn(staging: string, outDir: string): void {
  const lock = path.join(outDir, LOCK_FILE);
  writeFileSync(path.join(staging, LOCK_FILE), readFileSync(lock));
  rmSync(path.join(outDir, TEMP_DIR), { recursive: true, force: true });
  rmSync(lock, { force: true });
  try {
    renameSync(staging, outDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new BuildError('build-running', `another build took ${outDir} while this one was swapping its site in; run again`, true);
    throw error;
  }
}
