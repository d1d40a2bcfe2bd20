import { readFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { isPurgeTarget, PURGE_ENV, PURGE_TARGETS, purgerFromEnv, type PurgeResult } from '@alphanode/cache-rules/purge';
import type { CliIO, Command } from '../command.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_TEMPFAIL, EXIT_USAGE } from '../internal/exit-code.ts';
import { parseOptions, usageError, wholeNumber } from '../internal/parse-options.ts';
import { readPurgePlan } from '../internal/read-purge-plan.ts';

const envHelp = PURGE_TARGETS.map((target) => {
  const vars = Object.values(PURGE_ENV[target]).map((v) => `${v.names.join(' | ')}${v.required ? '' : ' (optional)'}`);
  return `  ${target.padEnd(10)} ${vars.join(', ')}`;
}).join('\n');

function writeReport(io: CliIO, result: PurgeResult, missing: string[]): void {
  const counts = (kind: 'keys' | 'urls' | 'prefixes') => result.requests.filter((r) => r.purges.kind === kind).reduce((n, r) => n + r.purges.items.length, 0);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const what = [plural(counts('keys'), 'key', 'keys'), plural(counts('urls'), 'URL', 'URLs'), ...(counts('prefixes') > 0 ? [plural(counts('prefixes'), 'prefix', 'prefixes')] : [])].join(', ');
  const mode = result.soft ? 'soft' : 'hard';
  io.stdout.write(`${result.purger}: ${result.dryRun ? 'dry run, nothing sent' : 'purge'} (${mode}): ${what} in ${plural(result.requests.length, 'request', 'requests')}\n`);
  for (const request of result.requests) {
    const status = result.dryRun ? '' : `${request.outcome === 'not-sent' ? 'not sent' : (request.status ?? '---')} `;
    const attempts = request.attempts > 1 ? ` (${request.attempts} attempts${request.waitedMs > 0 ? `, waited ${Math.round(request.waitedMs / 1000)} s` : ''})` : '';
    io.stdout.write(`  ${status}${request.method} ${request.url}${attempts}\n`);
    if (result.dryRun) {
      for (const [name, value] of Object.entries(request.headers)) io.stdout.write(`      ${name}: ${value}\n`);
      if (request.body !== undefined) io.stdout.write(`      ${request.body}\n`);
    }
  }
  if (missing.length > 0) io.stderr.write(`note: ${missing.join(', ')} not set: shown as $NAME in the dry run\n`);
  for (const notice of result.notices) io.stderr.write(`warning ${notice.code}: ${notice.message}\n`);
  for (const failure of result.failures) io.stderr.write(`error ${failure.code}: ${failure.message}${failure.retryable ? ' (retryable: run the same plan again later)' : ''}\n`);
}

/** `alphanode purge PLAN --target T [--dry-run] [--soft] [--json]`: sends a build's purge plan to a CDN. */
export const purgeCommand: Command = {
  name: 'purge',
  summary: 'send a purge plan (purge-plan.json) to a CDN: Fastly, Cloudflare, Akamai, Netlify, Vercel or Varnish',
  usage: [
    `usage: alphanode purge PLAN --target ${PURGE_TARGETS.join('|')} [--dry-run] [--soft] [--max-attempts N] [--json]`,
    '',
    '  PLAN              purge-plan.json from `alphanode build`: { urls, keys, urlsWithoutKey }',
    '  --target T        the CDN; its credentials come from the environment (below)',
    '  --dry-run         print the requests, credentials masked, and send nothing (works without credentials)',
    '  --soft            mark objects stale rather than evict them where the CDN can (Fastly, Akamai',
    '                    invalidate, Vercel invalidate, Varnish xkey-softpurge); Cloudflare and Netlify purge hard',
    '  --max-attempts N  tries per request on 408, 429, 5xx and network errors (default 5), honouring Retry-After',
    '  --json            the whole result as one JSON line on stdout',
    '',
    'Keys are purged by key; the URLs no key reaches (urlsWithoutKey: a new URL\'s cached 404) by URL where',
    'the CDN can (Fastly, Cloudflare, Akamai and Varnish need SITE_URL for paths; Netlify and Vercel',
    'cannot and say so). Exit 0 when all was sent, 1 when the CDN refused, 2 for a wrong command line or',
    'missing credentials, 75 when the CDN was busy or unreachable (run the same plan again later).',
    '',
    'Environment:',
    envHelp,
  ].join('\n'),
  async run(args, io) {
    const parsed = parseOptions(this, args, { target: { type: 'string' }, 'dry-run': { type: 'boolean' }, soft: { type: 'boolean' }, 'max-attempts': { type: 'string' }, json: { type: 'boolean' } }, io);
    if (!parsed) return EXIT_USAGE;
    const { target, soft = false, json = false } = parsed.values;
    const dryRun = parsed.values['dry-run'] ?? false;
    const [file, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) return usageError(this, 'expected one PLAN file', io);
    if (target === undefined) return usageError(this, 'expected --target', io);
    if (!isPurgeTarget(target)) return usageError(this, `unknown --target ${JSON.stringify(target)}`, io);
    const maxAttempts = wholeNumber(parsed.values['max-attempts'], 5, 'max-attempts', 20);
    if (typeof maxAttempts === 'string') return usageError(this, maxAttempts, io);
    if (maxAttempts < 1) return usageError(this, '--max-attempts must be at least 1', io);

    let text: string;
    try {
      text = await readFile(path.resolve(io.cwd, file), 'utf8');
    } catch (error) {
      io.stderr.write(`alphanode purge: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_FAILED;
    }
    const plan = readPurgePlan(text);
    if (typeof plan === 'string') {
      io.stderr.write(`alphanode purge: ${file}: ${plan}\n`);
      return EXIT_FAILED;
    }
    const made = purgerFromEnv(target, process.env, { allowMissing: dryRun, soft, retry: { maxAttempts } });
    if (!made.ok) {
      io.stderr.write(`alphanode purge: ${made.message} in the environment (--dry-run shows the requests without them)\n`);
      return EXIT_USAGE;
    }
    const result = await made.purger.purge(plan, { dryRun });
    if (json) io.stdout.write(`${JSON.stringify(result)}\n`);
    else writeReport(io, result, made.missing);
    if (result.ok) return EXIT_OK;
    return result.failures.some((failure) => failure.retryable) ? EXIT_TEMPFAIL : EXIT_FAILED;
  },
};
