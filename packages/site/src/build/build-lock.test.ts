import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireBuildLock, LOCK_FILE } from './build-lock.ts';

const lockModule = new URL('./build-lock.ts', import.meta.url).href;
const hasProc = existsSync('/proc/self/stat');
const host = hostname();
let dir: string;
const lockFile = (outDir = dir) => path.join(outDir, LOCK_FILE);
const guardFile = () => path.join(dir, `${LOCK_FILE}.takeover`);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alphanode-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function refusal(acquire: () => unknown): unknown {
  try {
    acquire();
  } catch (error) {
    return error;
  }
  throw new Error('expected the lock to be refused');
}

const refused = { name: 'BuildError', code: 'build-running', retryable: true };

function writeLock(owner: object, ageMs = 0): void {
  writeFileSync(lockFile(), JSON.stringify(owner));
  if (ageMs > 0) backdate(lockFile(), ageMs);
}

function backdate(file: string, ageMs: number): void {
  const then = new Date(Date.now() - ageMs);
  utimesSync(file, then, then);
}

/** Asserts the lock is taken over: acquired by this process, and released again. */
function expectTakenOver(): void {
  const release = acquireBuildLock(dir);
  expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, host });
  release();
  expect(existsSync(lockFile())).toBe(false);
}

const bootId = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();

/** Written here apart from the module's own parser, so that a wrong parse there shows. */
function startTimeOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] as string;
}

/** The lock a build leaves when it exits without releasing it (killed, crashed): written by a real process, now gone. */
function leaveDeadLock(outDir: string): string {
  const script = `const { acquireBuildLock } = await import(${JSON.stringify(lockModule)}); acquireBuildLock(${JSON.stringify(outDir)}); process.exit(0);`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return readFileSync(lockFile(outDir), 'utf8');
}

describe('acquireBuildLock', () => {
  it('refuses a second build while the first holds the lock, with a retryable BuildError', () => {
    const release = acquireBuildLock(dir);
    const error = refusal(() => acquireBuildLock(dir));
    expect(error).toMatchObject(refused);
    expect((error as Error).message).toBe(`another build (pid ${process.pid}, since ${JSON.parse(readFileSync(lockFile(), 'utf8')).startedAt}) is writing ${dir}; run again when it ends`);
    release();
  });

  it('release removes the lock, and the next build takes it', () => {
    acquireBuildLock(dir)();
    expect(existsSync(lockFile())).toBe(false);
    const release = acquireBuildLock(dir);
    expect(existsSync(lockFile())).toBe(true);
    release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('records the process identity on Linux', () => {
    const release = acquireBuildLock(dir);
    const owner = JSON.parse(readFileSync(lockFile(), 'utf8'));
    release();
    expect(owner).toMatchObject({ pid: process.pid, host });
    if (hasProc) expect(owner).toMatchObject({ bootId: bootId(), startTime: startTimeOf(process.pid) });
  });

  it('takes over the lock of a build that exited without releasing it', () => {
    const left = JSON.parse(leaveDeadLock(dir));
    expect(left.pid).not.toBe(process.pid);
    expectTakenOver();
  });

  it.runIf(hasProc)('takes over a lock whose pid now belongs to an unrelated process, and respects the process it names', async () => {
    // A command name holding ") " shifts every field of /proc/<pid>/stat for a parser that splits at the first ')'.
    const sleep = path.join(dir, 'x) 1 2 (y');
    symlinkSync('/bin/sleep', sleep);
    const other = spawn(sleep, ['30'], { stdio: 'ignore' });
    try {
      await new Promise((resolve, reject) => other.once('spawn', resolve).once('error', reject));
      const pid = other.pid as number;
      // exec has replaced the forked child's command once /proc shows the new name.
      await until(() => readFileSync(`/proc/${pid}/stat`, 'utf8').includes('(x) 1 2 (y)'));
      const startTime = startTimeOf(pid);
      writeLock({ pid, host, startedAt: '2026-12-01T00:00:00.000Z', bootId: bootId(), startTime: String(Number(startTime) - 1) });
      expectTakenOver();
      writeLock({ pid, host, startedAt: '2026-12-01T00:00:00.000Z', bootId: bootId(), startTime });
      expect(refusal(() => acquireBuildLock(dir))).toMatchObject({ ...refused, message: expect.stringContaining(`another build (pid ${pid}, since 2026-12-01T00:00:00.000Z)`) });
      // The parent is the same kind of case: alive, but not the process that took the lock.
      writeLock({ pid: process.ppid, host, startedAt: '2026-12-01T00:00:00.000Z', bootId: bootId(), startTime: String(Number(startTimeOf(process.ppid)) + 1) });
      expectTakenOver();
    } finally {
      other.kill();
    }
  });

  it.runIf(hasProc)('takes over a lock from an earlier boot, even when its pid and start time match a live process', () => {
    writeLock({ pid: process.pid, host, startedAt: '2026-12-01T00:00:00.000Z', bootId: 'not-this-boot', startTime: startTimeOf(process.pid) });
    expectTakenOver();
  });

  it('judges a lock without an identity (no /proc, or an earlier version) by whether its pid exists', () => {
    writeLock({ pid: process.pid, host, startedAt: '2026-12-01T00:00:00.000Z' });
    expect(refusal(() => acquireBuildLock(dir))).toMatchObject(refused);
    const gone = spawnSync(process.execPath, ['-e', '']).pid as number;
    writeLock({ pid: gone, host, startedAt: '2026-12-01T00:00:00.000Z' });
    expectTakenOver();
  });

  it('respects a lock from another host, and says which file to remove', () => {
    writeLock({ pid: 1, host: `not-${host}`, startedAt: '2026-12-01T00:00:00.000Z', bootId: 'elsewhere', startTime: '1' }, 60_000);
    const error = refusal(() => acquireBuildLock(dir));
    expect(error).toMatchObject(refused);
    expect((error as Error).message).toBe(`a build on not-${host} (pid 1, since 2026-12-01T00:00:00.000Z) holds ${lockFile()}; if none is running there, remove that file`);
  });

  it('treats an unreadable lock as being written while it is new, and as left by a kill once it is old', () => {
    writeFileSync(lockFile(), '');
    expect(refusal(() => acquireBuildLock(dir))).toMatchObject(refused);
    backdate(lockFile(), 2_000);
    expectTakenOver();
    writeFileSync(lockFile(), '{"pid": 12');
    backdate(lockFile(), 2_000);
    expectTakenOver();
  });

  it('leaves a stale lock alone while another build takes it over, and clears a guard a killed takeover left', () => {
    const stale = leaveDeadLock(dir);
    writeFileSync(guardFile(), '');
    expect(refusal(() => acquireBuildLock(dir))).toMatchObject(refused);
    expect(readFileSync(lockFile(), 'utf8')).toBe(stale);
    backdate(guardFile(), 10_000);
    expectTakenOver();
    expect(existsSync(guardFile())).toBe(false);
  });

  it('lets exactly one of the builds that find the same stale lock at the same moment take it over', async () => {
    const trials = 12;
    const builds = 8;
    const dirs = Array.from({ length: trials }, (_, trial) => path.join(dir, `out-${trial}`));
    const stale = leaveDeadLock(dirs[0] as string);
    for (const outDir of dirs) {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(lockFile(outDir), stale);
    }
    const children = Array.from({ length: builds }, () => contender(dirs));
    await Promise.all(children.map(({ ready }) => ready));
    // Every build waits for the same instant before each trial, and all keep what they took until
    // every trial is over, so that a build that comes late finds the lock held, not released.
    const start = Date.now() + 100;
    let outcomes: string[][];
    try {
      outcomes = await Promise.all(children.map((child) => child.start(start)));
    } finally {
      await Promise.all(children.map((child) => child.release()));
    }
    for (let trial = 0; trial < trials; trial++) {
      const results = outcomes.map((outcome) => outcome[trial]);
      expect({ trial, acquired: results.filter((result) => result === 'acquired').length }).toEqual({ trial, acquired: 1 });
      expect(results.filter((result) => result !== 'acquired')).toEqual(Array(builds - 1).fill('build-running'));
    }
    for (const outDir of dirs) expect(existsSync(lockFile(outDir))).toBe(false);
  }, 20_000);
});

/**
 * A separate build process that, from the start time it is given, tries to take each dir's lock in
 * turn, 50 ms apart, and reports; it keeps what it took until told to release it.
 */
function contender(dirs: string[]): { ready: Promise<void>; start: (at: number) => Promise<string[]>; release: () => Promise<void> } {
  const script = `
    import { createInterface } from 'node:readline';
    const { acquireBuildLock } = await import(${JSON.stringify(lockModule)});
    const dirs = ${JSON.stringify(dirs)};
    const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
    process.stdout.write('ready\\n');
    const start = Number((await lines.next()).value);
    const outcome = [];
    const releases = [];
    for (const [trial, dir] of dirs.entries()) {
      const at = start + trial * 50;
      await new Promise((resolve) => setTimeout(resolve, at - Date.now() - 2));
      while (Date.now() < at);
      try {
        releases.push(acquireBuildLock(dir));
        outcome.push('acquired');
      } catch (error) {
        outcome.push(error.code ?? String(error));
      }
    }
    process.stdout.write(JSON.stringify(outcome) + '\\n');
    await lines.next();
    for (const release of releases) release();
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error(`contender exited early: ${err}`);
    return line.value;
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    ready: next().then(() => undefined),
    start: async (at) => {
      child.stdin.write(`${at}\n`);
      return JSON.parse(await next());
    },
    release: async () => {
      child.stdin.end('release\n');
      expect({ code: await exited, err }).toEqual({ code: 0, err: '' });
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 200) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
