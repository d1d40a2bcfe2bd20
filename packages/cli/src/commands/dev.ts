import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import type { CliIO, Command } from '../command.ts';
import { startDev } from '../dev/dev-server.ts';
import { EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE } from '../internal/exit-code.ts';
import { parseOptions, usageError, wholeNumber } from '../internal/parse-options.ts';
import { SITE_OPTIONS, siteArgs } from '../internal/site-options.ts';

const DEFAULT_PORT = 4321;
const HOST = '127.0.0.1';

/**
 * Without --out, a folder under the system's temp dir named for the project and its globs: the
 * user's tree stays clean, and the next `dev` of the same project starts from this build's
 * manifest, so it renders only what changed since.
 */
function defaultOutDir(cwd: string, patterns: readonly string[]): string {
  const id = createHash('sha256').update([cwd, ...patterns].join('\0')).digest('hex').slice(0, 12);
  return path.join(tmpdir(), `alphanode-dev-${id}`);
}

/**
 * Resolves when `io.signal` aborts, or on Ctrl-C (SIGINT) or SIGTERM. A second signal while
 * stopping (a first build of a large site can take a while) exits at once: the build's journal
 * lets the next run repair the out dir. `dispose` removes the listeners.
 */
function untilStopped(io: CliIO): { stopped: Promise<void>; dispose(): void } {
  let stopping = false;
  let resolve = () => {};
  const stopped = new Promise<void>((done) => (resolve = done));
  const onSignal = () => {
    if (stopping) {
      io.stderr.write('alphanode dev: stopped at once; the next build repairs the out dir\n');
      process.exit(EXIT_INTERRUPTED);
    }
    stopping = true;
    resolve();
  };
  const onAbort = () => {
    stopping = true;
    resolve();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  if (io.signal?.aborted) onAbort();
  else io.signal?.addEventListener('abort', onAbort, { once: true });
  return {
    stopped,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      io.signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** `alphanode dev GLOB... [--out DIR] [--rules FILE] [--target T] [--port N] [--base-url URL]`: build, watch, serve, reload. */
export const devCommand: Command = {
  name: 'dev',
  summary: 'build, then serve the site with the rules\' headers, rebuilding and reloading open pages on each save',
  usage: [
    'usage: alphanode dev GLOB... [--out DIR] [--rules rules.yaml] [--target netlify|cloudflare|...] [--port N]',
    '         [--site-name NAME] [--base-url URL] [--page-size N] [--no-theme] [--strict] [--lint]',
    '',
    '  --out DIR        where the site is built (default: a folder in the system temp dir, kept between runs)',
    '  --rules FILE     cache rules: the headers each response is served with; watched, a change recompiles',
    '  --target T       the CDN whose headers are served (default netlify, as for build)',
    `  --port N         the port on ${HOST} (default ${DEFAULT_PORT}; 0 for any free one)`,
    '  (--site-name, --base-url, --page-size, --no-theme, --strict, --lint: as for build)',
    '',
    'Builds once, serves http://127.0.0.1:PORT/, and watches the files the globs match, new files in',
    'their folders, and the rules. Each save rebuilds incrementally and prints one line: what was built',
    'and removed, in how many ms, and the purge plan a deploy would send. Open pages whose bytes changed',
    'reload (a snippet added to HTML responses in dev only). A bad post or bad rules are reported, and',
    'the last good site stays up. Ctrl-C or SIGTERM stops it once a rebuild in progress ends; a second',
    'Ctrl-C stops it at once (the next build repairs the out dir).',
  ].join('\n'),
  async run(args, io) {
    const parsed = parseOptions(this, args, { ...SITE_OPTIONS, port: { type: 'string' } }, io);
    if (!parsed) return EXIT_USAGE;
    const site = siteArgs(parsed.positionals, parsed.values, io.cwd);
    if (typeof site === 'string') return usageError(this, site, io);
    const port = wholeNumber(parsed.values.port, DEFAULT_PORT, 'port', 65_535);
    if (typeof port === 'string') return usageError(this, port, io);
    const outDir = site.out === undefined ? defaultOutDir(io.cwd, site.patterns) : path.resolve(io.cwd, site.out);
    // Listening from the start, so that a Ctrl-C during the first build stops once it ends.
    const { stopped, dispose } = untilStopped(io);
    const started = await startDev({ site, outDir, target: site.target ?? 'netlify', port, host: HOST }, io);
    if (!started.ok) {
      dispose();
      return started.code;
    }
    const { server } = started;
    io.stdout.write(`serving ${server.url}/ with the rules' ${site.target ?? 'netlify'} headers; watching ${server.watched().length} folders. Ctrl-C stops.\n`);
    await stopped;
    await server.close();
    dispose();
    io.stdout.write('stopped\n');
    return EXIT_OK;
  },
};
