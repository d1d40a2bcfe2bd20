import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { isTargetName, TARGETS, type TargetName } from '@alphanode/cache-rules';
import { isPurgeTarget, purgerFromEnv, PURGE_TARGETS } from '@alphanode/cache-rules/purge';
import { sitemapUrls, verifySite, type VerifyOptions } from '@alphanode/cache-rules/verify';
import { manifestRecords, MANIFEST_FILE, MANIFEST_JOURNAL_FILE, parseManifest } from '@alphanode/site/node';
import type { CliIO, Command } from '../command.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../internal/exit-code.ts';
import { parseOptions, usageError, wholeNumber } from '../internal/parse-options.ts';
import { createProgressBar, type ProgressBar } from '../internal/progress-bar.ts';
import { loadRules } from '../internal/load-rules.ts';
import { readInput } from '../internal/read-input.ts';
import { readPurgePlan } from '../internal/read-purge-plan.ts';
import { verifyReportHtml } from '../internal/verify-html.ts';
import { formatVerifyReport } from '../internal/verify-output.ts';

const ROLLBACK_PLAN = 'rollback-purge-plan.json';

/** Every URL a build's manifest records: each post's outputs and the listings. */
async function manifestUrls(dir: string, io: CliIO): Promise<string[] | undefined> {
  const text = await readInput(path.join(dir, MANIFEST_FILE), io);
  if (text === undefined) return undefined;
  const manifest = parseManifest(text, await readFile(path.resolve(io.cwd, dir, MANIFEST_JOURNAL_FILE), 'utf8').catch(() => ''));
  if (manifest === undefined) {
    io.stderr.write(`alphanode verify: ${path.join(dir, MANIFEST_FILE)} is not a build's manifest\n`);
    return undefined;
  }
  return manifestRecords(manifest).map((output) => output.url);
}

/** The sitemap's page URLs; it must be on the base URL's origin, as every request is. */
async function sitemapPages(url: string, base: URL, io: CliIO): Promise<string[] | undefined> {
  const where = new URL(url, base);
  if (where.origin !== base.origin) {
    io.stderr.write(`alphanode verify: --sitemap ${where.href} is not under ${base.origin}; verify requests no other origin\n`);
    return undefined;
  }
  const response = await fetch(where, { redirect: 'manual', signal: AbortSignal.timeout(15_000) }).catch((error: unknown) => error);
  if (!(response instanceof Response) || !response.ok) {
    io.stderr.write(`alphanode verify: cannot read the sitemap ${where.href}: ${response instanceof Response ? `HTTP ${response.status}` : String(response)}\n`);
    return undefined;
  }
  return sitemapUrls(await response.text());
}

/** `alphanode verify BASE_URL --rules RULES`: the production checklist against a live site. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check a live site against its cache rules: header drift, logged-in leaks, purges, latency',
  usage: [
    'usage: alphanode verify BASE_URL --rules RULES.yaml [--target T] [--site OUT_DIR | --sitemap URL] [--cookie C]',
    '         [--purge PLAN --purger P] [--previous-rules OLD.yaml] [--json] [--report FILE.html]',
    '         [--max-pages N] [--max-requests N] [--concurrency C]',
    '',
    '  --rules F           the rules the site should be serving',
    `  --target T          ${TARGETS.join(', ')} (default generic)`,
    '  --site DIR          sample pages from a build\'s manifest.json, every kind of page at least once',
    '  --sitemap URL       or from a sitemap on the same origin (its URLs are requested under BASE_URL)',
    '  --max-pages N       pages to sample beside the rules\' example URLs (default 50)',
    '  --cookie C          a logged-in session\'s Cookie header (default <the rules\' bypass cookie>=alphanode-verify)',
    '  --authorization A   the Authorization header to test with (default "Bearer alphanode-verify")',
    `  --purge PLAN        a purge-plan.json to send through --purger (${PURGE_TARGETS.join(', ')}; credentials from`,
    '                      the environment, as `alphanode purge`), checking it evicts its URLs and nothing else',
    '  --purge-wait MS     wait this long after the purge before looking (default 1000)',
    `  --previous-rules F  the rules deployed before: what changes, and the command that rolls back (writes ${ROLLBACK_PLAN})`,
    '  --json              the whole report as JSON on stdout',
    '  --report F          a self-contained HTML report (chart, drift and leak tables)',
    '  --max-requests N    never more requests than this (default 2000); --concurrency C at once (default 8)',
    '',
    'Only BASE_URL\'s origin is ever requested. Exit 0 when everything holds, 1 on drift, a leak or a',
    'failed purge, 2 for a wrong command line.',
  ].join('\n'),
  async run(args, io) {
    const parsed = parseOptions(this, args, {
      rules: { type: 'string' }, target: { type: 'string' }, site: { type: 'string' }, sitemap: { type: 'string' }, 'max-pages': { type: 'string' },
      cookie: { type: 'string' }, authorization: { type: 'string' }, purge: { type: 'string' }, purger: { type: 'string' }, 'purge-wait': { type: 'string' },
      'previous-rules': { type: 'string' }, json: { type: 'boolean' }, report: { type: 'string' }, 'max-requests': { type: 'string' }, concurrency: { type: 'string' },
    }, io);
    if (!parsed) return EXIT_USAGE;
    const v = parsed.values;
    const [baseText, ...extra] = parsed.positionals;
    if (baseText === undefined || extra.length > 0) return usageError(this, 'expected one BASE_URL', io);
    if (!URL.canParse(baseText) || !/^https?:$/.test(new URL(baseText).protocol)) return usageError(this, `BASE_URL must be an http(s) URL, found ${JSON.stringify(baseText)}`, io);
    const base = new URL(baseText);
    if (v.rules === undefined) return usageError(this, 'expected --rules', io);
    const target = (v.target ?? 'generic') as TargetName;
    if (!isTargetName(target)) return usageError(this, `unknown --target ${JSON.stringify(v.target)}`, io);
    if (v.site !== undefined && v.sitemap !== undefined) return usageError(this, 'give --site or --sitemap, not both', io);
    if ((v.purge === undefined) !== (v.purger === undefined)) return usageError(this, '--purge and --purger go together', io);
    if (v.purger !== undefined && !isPurgeTarget(v.purger)) return usageError(this, `unknown --purger ${JSON.stringify(v.purger)}`, io);
    const numbers = { maxPages: wholeNumber(v['max-pages'], 50, 'max-pages', 100_000), maxRequests: wholeNumber(v['max-requests'], 2000, 'max-requests', 1_000_000), concurrency: wholeNumber(v.concurrency, 8, 'concurrency', 256), purgeWait: wholeNumber(v['purge-wait'], 1000, 'purge-wait', 600_000) };
    for (const value of Object.values(numbers)) if (typeof value === 'string') return usageError(this, value, io);
    const { maxPages, maxRequests, concurrency, purgeWait } = numbers as Record<keyof typeof numbers, number>;

    const engine = await loadRules(v.rules, io);
    if (!engine) return EXIT_FAILED;
    const previous = v['previous-rules'] === undefined ? undefined : await loadRules(v['previous-rules'], io);
    if (v['previous-rules'] !== undefined && !previous) return EXIT_FAILED;
    let purge: VerifyOptions['purge'];
    if (v.purge !== undefined && v.purger !== undefined && isPurgeTarget(v.purger)) {
      const text = await readInput(v.purge, io);
      if (text === undefined) return EXIT_FAILED;
      const plan = readPurgePlan(text);
      if (typeof plan === 'string') {
        io.stderr.write(`alphanode verify: ${v.purge}: ${plan}\n`);
        return EXIT_FAILED;
      }
      const made = purgerFromEnv(v.purger, process.env);
      if (!made.ok) {
        io.stderr.write(`alphanode verify: ${made.message} in the environment\n`);
        return EXIT_USAGE;
      }
      purge = { plan, purger: made.purger, settleMs: purgeWait };
    }

    // After the plan is checked: a bad plan file must stop the run before any request is sent.
    const pages = v.site !== undefined ? await manifestUrls(path.resolve(io.cwd, v.site), io) : v.sitemap !== undefined ? await sitemapPages(v.sitemap, base, io) : [];
    if (pages === undefined) return EXIT_FAILED;

    // Drawn only on a terminal, and made on the first request, when the run knows its total.
    let bar: ProgressBar | undefined;
    const report = await verifySite({
      base, engine, target, pages, maxPages, maxRequests, concurrency,
      ...(v.cookie === undefined ? {} : { cookie: v.cookie }),
      ...(v.authorization === undefined ? {} : { authorization: v.authorization }),
      ...(purge ? { purge } : {}),
      ...(previous ? { previous } : {}),
      ...(io.stderr.isTTY ? { onProgress: (_done: number, all: number) => (bar ??= createProgressBar(io.stderr, all)).tick() } : {}),
    });
    bar?.clear();

    let restore: string | undefined;
    if (report.rollback && report.rollback.changes.length > 0) {
      const planFile = path.resolve(io.cwd, ROLLBACK_PLAN);
      await writeFile(planFile, `${JSON.stringify(report.rollback.plan, null, 2)}\n`);
      const purgeTarget = v.purger ?? (isPurgeTarget(target) ? target : '<cdn>');
      restore = `cp ${JSON.stringify(v['previous-rules'])} ${JSON.stringify(v.rules)} && alphanode purge ${JSON.stringify(path.relative(io.cwd, planFile))} --target ${purgeTarget}`;
    }
    if (v.report !== undefined) await writeFile(path.resolve(io.cwd, v.report), verifyReportHtml(report, restore));
    if (v.json) io.stdout.write(`${JSON.stringify({ ...report, restore })}\n`);
    else io.stdout.write(formatVerifyReport(report, restore));
    return report.ok ? EXIT_OK : EXIT_FAILED;
  },
};
