import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { findVarnishd, startVarnish } from '@alphanode/example-express';
import { parsePost } from '@alphanode/parser';
import { slugify } from '@alphanode/site';
import autocannon from 'autocannon';
import type { Suite } from '../suite.ts';

const main = fileURLToPath(new URL('../../../examples/express/src/main.ts', import.meta.url));
const content = fileURLToPath(new URL('../../../examples/content/', import.meta.url));
const SECONDS = 3;
const CONNECTIONS = 10;

interface Load {
  name: string;
  rps: number;
  p99: number;
  failures: number;
  /** CPU time the server process spent per request (Linux), undefined where /proc is missing. */
  cpuUs: number | undefined;
}

/** User + system CPU milliseconds of a process so far, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return undefined;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** The example in its own process (as it runs in production), so the load generator does not share its event loop. */
async function startExample(cacheRules: boolean): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--conditions=@alphanode/source', main], {
    env: { ...process.env, PORT: '0', TARGET: 'varnish', CACHE_RULES: cacheRules ? 'on' : 'off', ADMIN_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the example exited with ${code}:\n${out}`)));
  });
  return { port, child };
}

async function stopExample(child: ChildProcess): Promise<void> {
  if (child.exitCode != null || child.signalCode != null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
  if (child.exitCode == null) child.kill('SIGKILL');
}

/**
 * Every post page in turn, as anonymous visitors: the traffic a cache in front would absorb. The
 * sample titles are distinct, so each page is at its title's slug (no collision suffix).
 */
function postPaths(): string[] {
  return readdirSync(content)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => {
      const result = parsePost(readFileSync(`${content}${name}`, 'utf8'));
      return result.ok ? [`/posts/${slugify(result.post.title)}`] : [];
    });
}

async function load(name: string, url: string, paths: string[], server?: ChildProcess, seconds = SECONDS): Promise<Load> {
  const before = cpuMs(server?.pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, requests: paths.map((path) => ({ method: 'GET', path })) });
  const after = cpuMs(server?.pid);
  const cpuUs = before === undefined || after === undefined ? undefined : ((after - before) * 1000) / result.requests.total;
  return { name, rps: result.requests.average, p99: result.latency.p99, failures: result.errors + result.timeouts + result.non2xx, cpuUs };
}

const row = (load: Load, base: number) =>
  `  ${load.name.padEnd(34)} ${load.rps.toFixed(0).padStart(8)} req/s  p99 ${String(load.p99).padStart(4)} ms  ${load.cpuUs === undefined ? '' : `${load.cpuUs.toFixed(0).padStart(4)} µs CPU/req  `}${(load.rps / base).toFixed(2)}x${load.failures > 0 ? `  (${load.failures} failed)` : ''}`;

/** The median run of each configuration, by throughput, with the median CPU per request of all its runs. */
function summary(runs: Load[], name: string): Load {
  const mine = runs.filter((run) => run.name === name).sort((a, b) => a.rps - b.rps);
  const cpu = mine.flatMap((run) => (run.cpuUs === undefined ? [] : [run.cpuUs]));
  return { ...(mine[Math.floor(mine.length / 2)] as Load), cpuUs: cpu.length > 0 ? median(cpu) : undefined };
}

/**
 * Throughput and p99 of the Express example on loopback: without the rules middleware, with it,
 * and through a warm Varnish (the shipped VCL). Without and with alternate, three runs each, and
 * the medians count. The overhead is taken from the server's CPU time per request where /proc
 * gives it: on a shared machine the load generator and other work move req/s by more than the
 * middleware does, while a saturated single-threaded server's throughput is 1 / CPU per request.
 */
export const expressSuite: Suite = {
  name: 'express',
  async run() {
    const paths = postPaths();
    const bare = await startExample(false);
    const ruled = await startExample(true);
    const runs: Load[] = [];
    try {
      // Warm both (JIT, connection pools) before anything counts.
      await load('warm-up', `http://127.0.0.1:${bare.port}`, paths, undefined, 1);
      await load('warm-up', `http://127.0.0.1:${ruled.port}`, paths, undefined, 1);
      for (let round = 0; round < 3; round++) {
        runs.push(await load('without rules middleware', `http://127.0.0.1:${bare.port}`, paths, bare.child));
        runs.push(await load('with rules middleware (varnish)', `http://127.0.0.1:${ruled.port}`, paths, ruled.child));
      }
      await stopExample(bare.child);
      const without = summary(runs, 'without rules middleware');
      const withRules = summary(runs, 'with rules middleware (varnish)');
      const rows = [without, withRules];
      let varnishNote = '  through Varnish: skipped (varnishd not installed; `bash scripts/system-deps.sh`)';
      if (findVarnishd().ok) {
        const varnish = await startVarnish({ backendPort: ruled.port });
        try {
          await load('warm-up', varnish.url, paths, undefined, 1);
          rows.push(await load('through warm Varnish (all HITs)', varnish.url, paths));
          varnishNote = '';
        } finally {
          await varnish.stop();
        }
      }
      const byRps = (1 - withRules.rps / without.rps) * 100;
      const byCpu = withRules.cpuUs !== undefined && without.cpuUs !== undefined ? (1 - without.cpuUs / withRules.cpuUs) * 100 : undefined;
      const overhead =
        byCpu === undefined
          ? `${byRps.toFixed(1)}% of throughput (median req/s)`
          : `${byCpu.toFixed(1)}% of throughput by server CPU per request (${byRps.toFixed(1)}% by median req/s, which this machine's other load moves more)`;
      return [
        `${paths.length} post pages in turn, ${CONNECTIONS} connections, ${SECONDS} s per run, loopback; the example in its own process; median of 3 alternating runs; last column relative to the first row`,
        ...rows.map((load) => row(load, without.rps)),
        ...(varnishNote ? [varnishNote] : []),
        `  → the rules middleware costs ${overhead} (target: under 10%)`,
      ].join('\n');
    } finally {
      await stopExample(bare.child);
      await stopExample(ruled.child);
    }
  },
};
