import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findVarnishd, startVarnish } from '@alphanode/example-express';
import autocannon from 'autocannon';
import { cpuMs, startChildServer, stopChildServer, type ChildServer } from '../child-server.ts';
import { postPaths } from '../post-paths.ts';
import type { Suite } from '../suite.ts';
import { median } from '../measure.ts';

const main = fileURLToPath(new URL('../../../examples/express/src/main.ts', import.meta.url));
const content = fileURLToPath(new URL('../../../examples/content/', import.meta.url));
const rulesFile = fileURLToPath(new URL('../../../examples/rules.yaml', import.meta.url));
const webChild = fileURLToPath(new URL('../web-child.ts', import.meta.url));
const SECONDS = 2;
/** Rounds in which every app is loaded in turn, each without rules and then with them. */
const ROUNDS = 5;
const CONNECTIONS = 10;

interface Load {
  name: string;
  rps: number;
  p99: number;
  failures: number;
  /** CPU time the server process spent per request (Linux), undefined where /proc is missing. */
  cpuUs: number | undefined;
  /** Which round of alternating runs it belongs to (-1 for a warm-up or a single run). */
  round: number;
}


/** The Express example, with or without the rules middleware. */
const startExample = (cacheRules: boolean) => startChildServer(main, [], { TARGET: 'varnish', CACHE_RULES: cacheRules ? 'on' : 'off', ADMIN_TOKEN: '' });

/** The example's pages as a Hono app or a plain Fetch handler, both on @hono/node-server (see web-child.ts). */
const startWeb = (kind: 'hono' | 'fetch', rules: 'on' | 'off' | 'headers') => startChildServer(webChild, [kind, rules]);

async function load(name: string, url: string, paths: string[], server?: ChildProcess, seconds = SECONDS, round = -1): Promise<Load> {
  const before = cpuMs(server?.pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, requests: paths.map((path) => ({ method: 'GET', path })) });
  const after = cpuMs(server?.pid);
  const cpuUs = before === undefined || after === undefined ? undefined : ((after - before) * 1000) / result.requests.total;
  return { name, rps: result.requests.average, p99: result.latency.p99, failures: result.errors + result.timeouts + result.non2xx, cpuUs, round };
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
 * The share of the ruled app's server CPU per request that the rules add, where /proc gives it: in
 * each round, from the two runs side by side (so that the machine's load drifting between rounds
 * cancels out), and the median of the rounds, with their range. Else the loss of median req/s.
 */
function overhead(pair: Pair, runs: readonly Load[], without: Load, withRules: Load): string {
  const byRps = (1 - withRules.rps / without.rps) * 100;
  const rps = `${without.rps.toFixed(0)} → ${withRules.rps.toFixed(0)} req/s${pair.stack ? `; ${pair.stack}` : ''}`;
  const shares = runs.flatMap((bare) => {
    const ruled = runs.find((run) => run.name === pair.with && run.round === bare.round);
    return bare.name === pair.without && bare.cpuUs !== undefined && ruled?.cpuUs !== undefined ? [(1 - bare.cpuUs / ruled.cpuUs) * 100] : [];
  });
  if (shares.length === 0 || without.cpuUs === undefined || withRules.cpuUs === undefined) return `    ${pair.label.padEnd(26)} ${byRps.toFixed(1).padStart(5)}% of throughput (median req/s: ${rps})`;
  const range = `${Math.min(...shares).toFixed(1)} to ${Math.max(...shares).toFixed(1)}%`;
  const line = `    ${pair.label.padEnd(26)} ${median(shares).toFixed(1).padStart(5)}%  (rounds ${range}; ${without.cpuUs.toFixed(1)} → ${withRules.cpuUs.toFixed(1)} µs CPU/req; ${rps})`;
  const parts = split(pair, runs);
  return parts === '' ? line : `${line}\n${parts}`;
}

/**
 * The share split, round by round as above, into what sending the rules' headers costs (the
 * control against the bare app) and the adapter's own work (the ruled app against the control),
 * each as a share of the ruled app's CPU per request, so that the two add up to the share.
 */
function split(pair: Pair, runs: readonly Load[]): string {
  if (!pair.control) return '';
  const parts = runs.flatMap((bare) => {
    if (bare.name !== pair.without || bare.cpuUs === undefined) return [];
    const ruled = runs.find((run) => run.name === pair.with && run.round === bare.round)?.cpuUs;
    const control = runs.find((run) => run.name === pair.control?.name && run.round === bare.round)?.cpuUs;
    return ruled === undefined || control === undefined ? [] : [{ headers: ((control - bare.cpuUs) / ruled) * 100, adapter: ((ruled - control) / ruled) * 100 }];
  });
  if (parts.length === 0) return '';
  const [headers, adapter] = [parts.map((part) => part.headers), parts.map((part) => part.adapter)];
  const figure = (values: number[]) => `${median(values).toFixed(1)}% (rounds ${Math.min(...values).toFixed(1)} to ${Math.max(...values).toFixed(1)}%)`;
  return `      of which sending the rules' headers ${figure(headers)}, the adapter's own work ${figure(adapter)}`;
}

/**
 * One adapter against the same app without rules: the names of the rows and how to start each.
 * `control` is the same app again with no adapter but sending the rules' headers for each page
 * itself, so that the share splits into what those headers cost on the wire and the adapter's work.
 */
interface Pair {
  label: string;
  without: string;
  with: string;
  /** The server the app runs on, where it is not the example's own. */
  stack?: string;
  start: (cacheRules: boolean) => Promise<ChildServer>;
  control?: { name: string; start: () => Promise<ChildServer> };
}

/** A Web-standard app on @hono/node-server: `Hono` with `cacheRules`, or a plain handler with `withCacheRules`. */
function webPair(kind: 'hono' | 'fetch', app: 'Hono' | 'Fetch', adapter: string): Pair {
  return {
    label: `${app} ${adapter}`,
    without: `${app} app without rules`,
    with: `${app} ${adapter} (varnish)`,
    stack: `a ${kind === 'hono' ? 'Hono app' : 'Fetch handler'} on @hono/node-server`,
    start: (on) => startWeb(kind, on ? 'on' : 'off'),
    control: { name: `${app} app sending those headers`, start: () => startWeb(kind, 'headers') },
  };
}

const PAIRS: readonly Pair[] = [
  { label: 'Express rules middleware', without: 'without rules middleware', with: 'with rules middleware (varnish)', start: startExample },
  webPair('hono', 'Hono', 'cacheRules'),
  webPair('fetch', 'Fetch', 'withCacheRules'),
];

/**
 * Throughput and p99 of the Express example on loopback: without the rules middleware, with it,
 * and through a warm Varnish (the shipped VCL); then the same pages from a Hono app with the
 * `cacheRules` middleware and from a Fetch handler through `withCacheRules`, each against the same
 * app without rules (both on @hono/node-server, so only the adapter differs). In each of five
 * rounds every app runs without and then with rules; the medians count. The overhead is taken
 * from the server's CPU time per request where /proc gives it: on a shared machine the load
 * generator and other work move req/s by more than the adapter does, while a saturated
 * single-threaded server's throughput is 1 / CPU per request.
 */
export const expressSuite: Suite = {
  name: 'express',
  async run() {
    // Every post page in turn, as anonymous visitors: the traffic a cache in front would absorb.
    const paths = await postPaths(content, readFileSync(rulesFile, 'utf8'));
    // Every server starts at once (each builds the site first); every one that started is stopped at the end.
    const starts = PAIRS.flatMap((pair) => [pair.start(false), pair.start(true), ...(pair.control ? [pair.control.start()] : [])]);
    const started = await Promise.allSettled(starts);
    const children = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value.child] : []));
    const runs: Load[] = [];
    try {
      const ready = started.map((result) => {
        if (result.status !== 'fulfilled') throw result.reason;
        return result.value;
      });
      const servers = PAIRS.map((pair) => {
        const [bare, ruled] = ready.splice(0, 2) as [ChildServer, ChildServer];
        return { pair, bare, ruled, control: pair.control ? (ready.shift() as ChildServer) : undefined };
      });
      const [express] = servers as [(typeof servers)[number]];
      // Warm every server (JIT, connection pools) before anything counts.
      for (const { bare, ruled, control } of servers) {
        for (const server of [bare, ruled, ...(control ? [control] : [])]) await load('warm-up', `http://127.0.0.1:${server.port}`, paths, undefined, 1);
      }
      for (let round = 0; round < ROUNDS; round++) {
        for (const { pair, bare, ruled, control } of servers) {
          runs.push(await load(pair.without, `http://127.0.0.1:${bare.port}`, paths, bare.child, SECONDS, round));
          runs.push(await load(pair.with, `http://127.0.0.1:${ruled.port}`, paths, ruled.child, SECONDS, round));
          if (pair.control && control) runs.push(await load(pair.control.name, `http://127.0.0.1:${control.port}`, paths, control.child, SECONDS, round));
        }
      }
      // Only the ruled Express example stays up, as Varnish's backend.
      await Promise.all(children.filter((child) => child !== express.ruled.child).map(stopChildServer));
      const pairs = PAIRS.map((pair) => ({ pair, without: summary(runs, pair.without), withRules: summary(runs, pair.with) }));
      const [first, ...adapters] = pairs as [(typeof pairs)[number], ...typeof pairs];
      const rows = [first.without, first.withRules];
      let varnishNote = '  through Varnish: skipped (varnishd not installed; `bash scripts/system-deps.sh`)';
      if (findVarnishd().ok) {
        const varnish = await startVarnish({ backendPort: express.ruled.port });
        try {
          await load('warm-up', varnish.url, paths, undefined, 1);
          rows.push(await load('through warm Varnish (all HITs)', varnish.url, paths));
          varnishNote = '';
        } finally {
          await varnish.stop();
        }
      }
      return [
        `${paths.length} post pages in turn, ${CONNECTIONS} connections, ${SECONDS} s per run, loopback; each app in its own process; median of ${ROUNDS} rounds, each app without then with rules; last column: req/s relative to the same app without rules (Varnish: to the first row)`,
        ...rows.map((load) => row(load, first.without.rps)),
        ...(varnishNote ? [varnishNote] : []),
        ...adapters.flatMap(({ pair, without, withRules }) => [row(withRules, without.rps), ...(pair.control ? [row(summary(runs, pair.control.name), without.rps)] : [])]),
        `  → server CPU per request each adapter costs, against the same app without rules (target: under 5%; req/s, which this machine's other load moves more, beside it):`,
        ...pairs.map(({ pair, without, withRules }) => overhead(pair, runs, without, withRules)),
      ].join('\n');
    } finally {
      await Promise.all(children.map(stopChildServer));
    }
  },
};
