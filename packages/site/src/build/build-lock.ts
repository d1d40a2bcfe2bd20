import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { BuildError } from './build-error.ts';

/** The file a running build holds in its out dir, so that a second run (cron firing again) waits its turn. */
export const LOCK_FILE = '.alphanode-lock';

/**
 * Held while a build replaces a dead run's lock. Without it, two builds that both find the same
 * stale lock would each remove it and create their own, the second removing the first's.
 */
const TAKEOVER_FILE = `${LOCK_FILE}.takeover`;

/** A takeover takes milliseconds; a guard this old was left by a build killed in the middle of one. */
const ABANDONED_TAKEOVER_MS = 5_000;

/**
 * Creating the lock and writing it is a single call, so a lock still unreadable after this long was
 * cut short by a kill. A younger one may belong to a build between the two steps.
 */
const UNWRITTEN_LOCK_MS = 1_000;

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  /**
   * Linux only: the boot, and the process's start time within it (clock ticks, as /proc gives
   * them). With them the pid names one process, not whichever one is given that pid next.
   */
  bootId?: string;
  startTime?: string;
}

function readProcFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // No /proc (macOS), or a process that is gone or hidden from us.
    return undefined;
  }
}

function currentBootId(): string | undefined {
  return readProcFile('/proc/sys/kernel/random/boot_id')?.trim();
}

function processStartTime(pid: number): string | undefined {
  const stat = readProcFile(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  // Field 2 is the command in parentheses, which may itself contain spaces and ')': the fields
  // after the last ')' start at field 3, so field 22 is the 20th of them.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function currentOwner(): LockOwner {
  const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  const bootId = currentBootId();
  const startTime = processStartTime(process.pid);
  return bootId !== undefined && startTime !== undefined ? { ...owner, bootId, startTime } : owner;
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isAlive(owner: LockOwner): boolean {
  const bootId = currentBootId();
  // A lock without an identity comes from a system without /proc or from an earlier version: the
  // pid is all there is to go on.
  if (owner.bootId === undefined || owner.startTime === undefined || bootId === undefined) return pidExists(owner.pid);
  if (owner.bootId !== bootId) return false;
  const startTime = processStartTime(owner.pid);
  // /proc mounted with hidepid hides other users' processes; a pid that exists then cannot be told
  // from its successor, so it is trusted rather than taken from a build that may be running.
  return startTime === undefined ? pidExists(owner.pid) : startTime === owner.startTime;
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return undefined;
    const parsed: LockOwner = { pid: owner.pid, host: owner.host, startedAt: String(owner.startedAt) };
    return typeof owner.bootId === 'string' && typeof owner.startTime === 'string' ? { ...parsed, bootId: owner.bootId, startTime: owner.startTime } : parsed;
  } catch {
    return undefined;
  }
}

/** The lock's text and age, read through one descriptor so that both describe the same file. */
function readLock(file: string): { text: string; ageMs: number } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return { text: readFileSync(fd, 'utf8'), ageMs: Date.now() - fstatSync(fd).mtimeMs };
  } finally {
    closeSync(fd);
  }
}

function buildRunning(message: string): BuildError {
  return new BuildError('build-running', message, true);
}

/** Whether the lock is gone or was left by a build that is no longer running; throws while a build holds it. */
function checkLock(file: string, outDir: string, host: string): 'free' | 'stale' {
  const lock = readLock(file);
  if (lock === undefined) return 'free';
  const owner = parseOwner(lock.text);
  if (owner === undefined) {
    if (lock.ageMs < UNWRITTEN_LOCK_MS) throw buildRunning(`another build is starting to write ${outDir}; run again when it ends`);
    return 'stale';
  }
  if (owner.host !== host) {
    throw buildRunning(`a build on ${owner.host} (pid ${owner.pid}, since ${owner.startedAt}) holds ${file}; if none is running there, remove that file`);
  }
  if (isAlive(owner)) throw buildRunning(`another build (pid ${owner.pid}, since ${owner.startedAt}) is writing ${outDir}; run again when it ends`);
  return 'stale';
}

function createExclusive(file: string, text: string): boolean {
  try {
    writeFileSync(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Residual window: two builds that both find the same abandoned guard old can both remove it, the
 * second removing the guard the first has just created, and then both take over. That needs a build
 * killed mid-takeover and two builds reaching this line within microseconds of each other.
 */
function removeAbandonedGuard(guard: string): void {
  let ageMs: number;
  try {
    ageMs = Date.now() - statSync(guard).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (ageMs > ABANDONED_TAKEOVER_MS) rmSync(guard, { force: true });
}

function takeOver(file: string, outDir: string, host: string, record: string): void {
  const guard = path.join(path.dirname(file), TAKEOVER_FILE);
  removeAbandonedGuard(guard);
  if (!createExclusive(guard, record)) throw buildRunning(`another build is taking over the lock of ${outDir}; run again later`);
  try {
    // Judged again under the guard: another build may have taken the lock over since it was read.
    if (checkLock(file, outDir, host) === 'stale') rmSync(file, { force: true });
    // Still exclusive: a build that finds no lock at all creates its own without the guard.
    if (!createExclusive(file, record)) throw buildRunning(`another build is writing ${outDir}; run again when it ends`);
  } finally {
    rmSync(guard, { force: true });
  }
}

/**
 * Takes the out dir's build lock, or throws a retryable `BuildError` while another build holds it.
 * A lock left by a build that died (kill -9, a crash) is taken over, by exactly one of the builds
 * that find it. A lock from another host cannot be checked, so it is respected; its message says
 * which file to remove. Returns the function that releases it.
 */
export function acquireBuildLock(outDir: string): () => void {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, LOCK_FILE);
  const me = currentOwner();
  const record = `${JSON.stringify(me)}\n`;
  const release = () => rmSync(file, { force: true });
  if (createExclusive(file, record)) return release;
  // Judged before taking the guard: a running owner is the common case, and its message names it.
  if (checkLock(file, outDir, me.host) === 'free' && createExclusive(file, record)) return release;
  takeOver(file, outDir, me.host, record);
  return release;
}
