// One buildSite in its own process, `node build-child.ts DIR` (posts in DIR/content, site in DIR/dist),
// so that its peak RSS is its own and its wall time includes Node start-up, as a cron job's would.
import process from 'node:process';
import { buildSite } from '@alphanode/site/node';

/** What the child prints: the build's own figures; the parent adds the wall time it saw. */
export interface BuildRun {
  /** `summary.ms`: the build from the call to its return, start-up and module loading excluded. */
  ms: number;
  built: number;
  unchanged: number;
  written: number;
  /** Peak resident memory of this process, worker threads included. */
  rssMb: number;
}

const summary = await buildSite({ patterns: 'content/*.txt', cwd: process.argv[2] as string, outDir: 'dist' });
const run: BuildRun = { ms: summary.ms, built: summary.built, unchanged: summary.unchanged, written: summary.written.length, rssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
process.stdout.write(JSON.stringify(run));
