import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { BuildError } from './build-error.ts';

/** The file a running build holds in its out dir, so that a second run (cron firing again) waits its turn. */
export const LOCK_FILE = '.alphanode-lock';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host, startedAt: String(owner.startedAt) } : undefined;
  } catch {
    // Gone since, or cut short by a kill between create and write: nobody holds it.
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the out dir's build lock, or throws a retryable `BuildError` while another build holds it.
 * A lock left by a build that died (kill -9, a crash) is taken over: its process is gone. A lock
 * from another host cannot be checked, so it is respected; its message says which file to remove.
 * Returns the function that releases it.
 */
export function acquireBuildLock(outDir: string): () => void {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner && owner.host !== me.host) {
      throw new BuildError('build-running', `a build on ${owner.host} (pid ${owner.pid}, since ${owner.startedAt}) holds ${file}; if none is running there, remove that file`, true);
    }
    if (owner && isRunning(owner.pid)) {
      throw new BuildError('build-running', `another build (pid ${owner.pid}, since ${owner.startedAt}) is writing ${outDir}; run again when it ends`, true);
    }
    rmSync(file, { force: true });
  }
  throw new BuildError('build-running', `another build keeps taking ${file}; run again later`, true);
}
