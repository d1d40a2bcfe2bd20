import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TargetName } from '@alphanode/cache-rules';
import { compileRules } from '@alphanode/cache-rules/compile';
import { createSiteHandler, type SiteHandler } from '@alphanode/site';
import { buildSite, BuildError, siteDirReader, toNodeListener, type BuildSummary } from '@alphanode/site/node';
import type { CliIO } from '../command.ts';
import { EXIT_FAILED, EXIT_TEMPFAIL } from '../internal/exit-code.ts';
import { buildOptionsOf, readRulesFile, type SiteArgs } from '../internal/site-options.ts';
import { writeDiagnostics } from '../internal/write-diagnostics.ts';
import { coalesce } from './coalesce.ts';
import { changedSomething, rebuildLine } from './rebuild-line.ts';
import { createReloadHub, RELOAD_EVENTS_PATH } from './reload-events.ts';
import { withReloadScript } from './reload-script.ts';
import { watchSources } from './watch-sources.ts';

/** What `startDev` builds, watches and serves. */
export interface DevOptions {
  site: SiteArgs;
  /** Where the site is built, absolute. */
  outDir: string;
  /** The CDN whose headers are served, and whom `_headers` is for. */
  target: TargetName;
  port: number;
  host: string;
  /** How long a burst of file events must be quiet before a rebuild; default 50 ms. */
  debounceMs?: number;
}

/** A running dev server. */
export interface DevServer {
  /** `http://host:port`, the port the system chose for port 0. */
  url: string;
  /** The folders watched now. */
  watched(): string[];
  /** Resolves once no rebuild runs and none is due (for tests). */
  idle(): Promise<void>;
  /** Stops watching, lets a rebuild in progress finish (so the out dir is whole), ends the event streams, closes the server. */
  close(): Promise<void>;
}

// Said once, after the first build; every rebuild of the listings would repeat them.
const ONCE = new Set(['no-base-url']);

const clock = () => new Date().toTimeString().slice(0, 8);

function listen(server: Server, port: number, host: string): Promise<Error | undefined> {
  return new Promise((resolve) => {
    server.once('error', resolve);
    server.listen(port, host, () => {
      server.off('error', resolve);
      resolve(undefined);
    });
  });
}

/**
 * `alphanode dev`: builds the site once, serves it with the rules' headers (`createSiteHandler`)
 * and the reload snippet in each page, and rebuilds on each save with `buildSite`, which is
 * incremental: a one-post change renders one post. A rebuild that changed something prints one
 * line and tells the open pages whose bytes changed to reload. A failed rebuild (bad rules, a
 * broken post) is reported and the last good site stays up. Resolves once it serves, or to the
 * exit code when the first build or the port fails.
 */
export async function startDev(options: DevOptions, io: CliIO): Promise<{ ok: true; server: DevServer } | { ok: false; code: number }> {
  const { site, outDir, target } = options;
  const complain = (message: string) => io.stderr.write(`alphanode dev: ${message}\n`);
  let rules: string | undefined;
  if (site.rulesFile !== undefined) {
    const read = await readRulesFile(site.rulesFile, io.cwd);
    if (!read.ok) {
      complain(read.message);
      return { ok: false, code: EXIT_FAILED };
    }
    rules = read.text;
  }
  // A rebuild passes what the watcher saw, so the build looks at those paths, not every source.
  // Warm: the first save after start reuses the decoded manifest and listings, as later ones do.
  const build = (text: string | undefined, changedFiles?: readonly string[]) => buildSite({ ...buildOptionsOf({ ...site, target }, io.cwd, outDir, text), warm: true, ...(changedFiles === undefined ? {} : { changedFiles }) });
  const handlerFor = (text: string | undefined): SiteHandler => {
    // The build has compiled these rules already: they compile.
    const compiled = text === undefined ? undefined : compileRules(text);
    return createSiteHandler({ read: siteDirReader(outDir), engine: compiled?.ok ? compiled.engine : undefined, target });
  };

  let first: BuildSummary;
  try {
    first = await build(rules);
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    complain(error.message);
    return { ok: false, code: error.retryable ? EXIT_TEMPFAIL : EXIT_FAILED };
  }
  writeDiagnostics(io.stderr, first.diagnostics.filter((d) => d.severity !== 'info'));
  io.stdout.write(`built ${first.built}, unchanged ${first.unchanged}, skipped ${first.skipped}, removed ${first.removed} in ${Math.round(first.ms)} ms into ${outDir}\n`);

  let handler = handlerFor(rules);
  // The handler reads the manifest now rather than for the first post opened (~100 ms at 10,000
  // posts): it reads it for a post's URL or one no route matches, such as this, never for a listing.
  await (await handler(new Request('http://localhost/__alphanode/warm-up', { method: 'HEAD' }))).body?.cancel();
  const hub = createReloadHub();
  const server = createServer(
    toNodeListener(async (request) => (new URL(request.url).pathname === RELOAD_EVENTS_PATH ? hub.connect(request) : withReloadScript(await handler(request)))),
  );
  const failed = await listen(server, options.port, options.host);
  if (failed) {
    complain(`cannot serve on ${options.host}:${options.port}: ${failed.message}${(failed as NodeJS.ErrnoException).code === 'EADDRINUSE' ? ' (--port to choose another)' : ''}`);
    return { ok: false, code: EXIT_FAILED };
  }

  let listEverything = false;
  const rebuild = async (changes: string[]) => {
    const rulesChanged = site.rulesFile !== undefined && changes.includes(site.rulesFile);
    let candidate = rules;
    if (rulesChanged) {
      const read = await readRulesFile(site.rulesFile as string, io.cwd);
      if (read.ok) candidate = read.text;
      else complain(`${read.message}; the rules read before still apply`);
    }
    let summary: BuildSummary | undefined;
    // After a failed build, whose changes may never have been listed, the next lists every source.
    const changedFiles = listEverything ? undefined : changes;
    listEverything = true;
    try {
      summary = await build(candidate, changedFiles);
    } catch (error) {
      complain(error instanceof Error ? error.message : String(error));
      // New rules that do not compile: the posts saved meanwhile are built with the rules read before.
      if (candidate !== rules && error instanceof BuildError && error.code === 'invalid-rules') {
        complain('the rules read before still apply until these are fixed');
        candidate = rules;
        summary = await build(candidate, changedFiles).catch((again: unknown) => void complain(again instanceof Error ? again.message : String(again)));
      }
    }
    if (summary !== undefined) {
      listEverything = false;
      const newRules = candidate !== rules;
      if (newRules) {
        rules = candidate;
        handler = handlerFor(rules);
      }
      writeDiagnostics(io.stderr, summary.diagnostics.filter((d) => d.severity !== 'info' && !ONCE.has(d.code)));
      if (changedSomething(summary) || newRules) {
        io.stdout.write(`${clock()} ${rebuildLine(summary, newRules ? 'rules changed' : undefined)}`);
        // New rules change headers too, which no byte hash sees: every page reloads.
        hub.reload(newRules ? undefined : summary.purge.urls, summary.moved);
      }
    }
    await watcher.refresh(changes);
  };
  const queue = coalesce<string>(options.debounceMs ?? 50, rebuild);
  const watcher = await watchSources({
    patterns: site.patterns,
    cwd: io.cwd,
    outDir,
    files: site.rulesFile === undefined ? [] : [site.rulesFile],
    onChange: (file) => queue.add(file),
    onError: (dir, error) => complain(`cannot watch ${dir}: ${error.message}`),
  });
  // A post saved while the first build ran is seen by this catch-up run, which is cheap when nothing changed.
  queue.add(outDir);

  const { port } = server.address() as AddressInfo;
  return {
    ok: true,
    server: {
      url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
      watched: () => watcher.dirs(),
      idle: () => queue.idle(),
      async close() {
        watcher.close();
        await queue.close();
        hub.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      },
    },
  };
}
