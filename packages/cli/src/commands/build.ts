import { buildSite, BuildError, type BuildSummary } from '@alphanode/site/node';
import type { Command } from '../command.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_TEMPFAIL, EXIT_USAGE } from '../internal/exit-code.ts';
import { parseOptions, usageError } from '../internal/parse-options.ts';
import { createProgressBar, type ProgressBar } from '../internal/progress-bar.ts';
import { buildOptionsOf, readRulesFile, SITE_OPTIONS, siteArgs } from '../internal/site-options.ts';
import { writeDiagnostics } from '../internal/write-diagnostics.ts';

/** `alphanode build GLOB... --out DIR [--rules FILE] [--target T] [--json]`: the site, incrementally. */
export const buildCommand: Command = {
  name: 'build',
  summary: 'build a site from posts, incrementally: pages, listings, _headers, manifest, purge plan',
  usage: [
    'usage: alphanode build GLOB... --out DIR [--rules rules.yaml] [--target netlify|cloudflare|...] [--site-name NAME] [--base-url URL]',
    '         [--page-size N] [--no-theme] [--strict] [--lint] [--json]',
    '',
    '  --out DIR        where the site goes (posts/<slug>/index.html, posts/<slug>.json, topics/, index.html, manifest.json, purge-plan.json)',
    '  --rules FILE     cache rules: writes _headers and tags pages with purge keys',
    '  --target T       the CDN the _headers file is for (default netlify)',
    '  --site-name NAME the site\'s name in every page\'s header and title',
    '  --base-url URL   the deployed origin: canonical links, sitemap.xml, Atom feeds, robots.txt',
    '  --page-size N    posts per listing page, home and topics (default 20)',
    '  --no-theme       link no default theme: the site brings all of its own CSS',
    '  --strict         treat the parser\'s warnings as errors',
    '  --lint           also lint each post built (as `alphanode check` does) and report the findings',
    '  --json           one JSON summary line on stdout instead of the text summary',
    '',
    'A second run with nothing changed writes nothing. A bad post is reported as FILE:LINE:COL and',
    'skipped (its previous page stays up); the rest is built. Exit 1 when any post has an error or',
    'the rules do not compile, 75 when another build is writing the same --out (run again later).',
  ].join('\n'),
  async run(args, io) {
    const parsed = parseOptions(this, args, { ...SITE_OPTIONS, json: { type: 'boolean' } }, io);
    if (!parsed) return EXIT_USAGE;
    const { json = false } = parsed.values;
    const site = siteArgs(parsed.positionals, parsed.values, io.cwd);
    if (typeof site === 'string') return usageError(this, site, io);
    const { out } = site;
    if (out === undefined) return usageError(this, 'expected --out DIR', io);
    const rules = site.rulesFile === undefined ? undefined : await readRulesFile(site.rulesFile, io.cwd);
    if (rules?.ok === false) {
      io.stderr.write(`alphanode build: ${rules.message}\n`);
      return EXIT_FAILED;
    }
    const options = buildOptionsOf(site, io.cwd, out, rules?.text);
    let progress: ProgressBar | undefined;
    if (io.stderr.isTTY && !json) {
      let ticked = 0;
      options.onProgress = (done, total) => {
        progress ??= createProgressBar(io.stderr, total);
        for (; ticked < done; ticked++) progress.tick();
      };
    }
    let summary: BuildSummary;
    try {
      summary = await buildSite(options);
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      progress?.clear();
      io.stderr.write(`alphanode build: ${error.message}\n`);
      return error.retryable ? EXIT_TEMPFAIL : EXIT_FAILED;
    }
    progress?.clear();
    const errors = summary.diagnostics.filter((d) => d.severity === 'error').length;
    const counts = { built: summary.built, unchanged: summary.unchanged, skipped: summary.skipped, removed: summary.removed, written: summary.written.length, errors, ms: Math.round(summary.ms) };
    if (json) io.stdout.write(`${JSON.stringify({ ...counts, purge: { keys: summary.purge.keys.length, urls: summary.purge.urls.length } })}\n`);
    else {
      writeDiagnostics(io.stderr, summary.diagnostics.filter((d) => d.severity !== 'info'));
      if (summary.purge.urls.length > 0) io.stdout.write(`purge: ${summary.purge.urls.length} URLs, ${summary.purge.keys.length} keys (${out}/purge-plan.json)\n`);
      io.stdout.write(`built ${counts.built}, unchanged ${counts.unchanged}, skipped ${counts.skipped}, removed ${counts.removed}; ${counts.written} files written in ${counts.ms} ms\n`);
    }
    return errors > 0 ? EXIT_FAILED : EXIT_OK;
  },
};
