import { parseArgs } from 'node:util';
import {
  diffRules,
  formatRulesDiagnostic,
  isTargetName,
  runExamples,
  TARGETS,
  type DecideRequest,
  type Decision,
  type TargetName,
} from '@alphanode/cache-rules';
import { lintRules } from '@alphanode/cache-rules/compile';
import { parsePost, type Post } from '@alphanode/parser';
import type { CliIO, Command } from '../command.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../internal/exit-code.ts';
import { loadRules } from '../internal/load-rules.ts';
import { readInput } from '../internal/read-input.ts';
import { compileCommand } from './rules-compile.ts';

const USAGE = [
  'usage: alphanode rules test RULES.yaml',
  '       alphanode rules explain RULES.yaml URL [--cookie C] [--header K:V]... [--method M] [--status N] [--post FILE] [--target T] [--json]',
  '       alphanode rules diff OLD.yaml NEW.yaml URL... [--cookie C] [--header K:V]... [--target T]',
  '       alphanode rules lint RULES.yaml',
  '       alphanode rules compile RULES.yaml [-o RULES.json]',
  '',
  '  test     run every example in the file, one line per rule; exit 1 on any failure',
  '  explain  the decision for one request: rule, action, reason, headers, purge keys, and why',
  '           each rule did or did not match',
  '  diff     which URLs change behaviour between two rule sets (review a change and its rollback)',
  '  lint     unreachable rules, failing examples, risky combinations; exit 1 on any error',
  '  compile  the rules as JSON for loadCompiledRules (a worker then ships no YAML parser and no',
  '           zod); to stdout, or to the file -o names; exit 1, writing nothing, on any error',
  '',
  `  --target T   ${TARGETS.join(', ')} (default generic)`,
  '  --cookie C   a Cookie header for the request, e.g. "session=abc"',
  '  --header K:V a request header; repeatable',
  '  --status N   the response status (404, 503 ...)',
  '  --post FILE  the post the page shows (alphanode post format), for {post.…} purge keys',
  '  -o, --out F  compile: the JSON file to write',
].join('\n');

const OPTIONS = {
  cookie: { type: 'string' },
  header: { type: 'string', multiple: true },
  method: { type: 'string' },
  status: { type: 'string' },
  target: { type: 'string' },
  post: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
} as const;

type Values = { cookie?: string; header?: string[]; method?: string; status?: string; target?: string; post?: string; json?: boolean; out?: string };

async function loadPost(file: string, io: CliIO): Promise<Post | undefined> {
  const text = await readInput(file, io);
  if (text === undefined) return undefined;
  const result = parsePost(text);
  if (result.ok) return result.post;
  io.stderr.write(`${file}: not a valid post (alphanode parse ${file} says why)\n`);
  return undefined;
}

function usage(io: CliIO, message: string): number {
  io.stderr.write(`alphanode rules: ${message}\n\n${USAGE}\n`);
  return EXIT_USAGE;
}

function requestFor(url: string, values: Values): DecideRequest {
  const headers: Record<string, string> = {};
  for (const line of values.header ?? []) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  if (values.cookie !== undefined) headers['cookie'] = values.cookie;
  return { url, headers, ...(values.method === undefined ? {} : { method: values.method }) };
}

async function testCommand(file: string, io: CliIO): Promise<number> {
  const engine = await loadRules(file, io);
  if (!engine) return EXIT_FAILED;
  const results = runExamples(engine);
  let failed = 0;
  for (const rule of engine.rules) {
    const mine = results.filter((result) => result.rule === rule.name);
    const bad = mine.filter((result) => !result.passed);
    failed += bad.length;
    const mark = mine.length === 0 ? '-' : bad.length === 0 ? 'ok' : 'FAIL';
    const count = mine.length === 0 ? 'no examples' : `${mine.length - bad.length}/${mine.length} examples`;
    io.stdout.write(`${mark.padEnd(4)} ${rule.name}  ${count}\n`);
    for (const result of bad) io.stdout.write(`       ${result.kind}: ${result.message}\n`);
  }
  io.stdout.write(`\n${results.length - failed} of ${results.length} examples as expected across ${engine.rules.length} rules\n`);
  return failed === 0 ? EXIT_OK : EXIT_FAILED;
}

function writeDecision(io: CliIO, decision: Decision): void {
  io.stdout.write(`rule:    ${decision.rule ?? '(none)'}\naction:  ${decision.action}\nreason:  ${decision.reason}\n\nheaders:\n`);
  for (const [name, value] of Object.entries(decision.headers)) io.stdout.write(`  ${name}: ${value}\n`);
  io.stdout.write(`\nkeys:    ${decision.keys.length === 0 ? '(none)' : decision.keys.join(' ')}\n\ntrace:\n`);
  for (const entry of decision.trace) io.stdout.write(`  ${entry.matched ? '→' : ' '} ${entry.rule}: ${entry.reason}\n`);
}

async function explainCommand(positionals: string[], values: Values, target: TargetName, io: CliIO): Promise<number> {
  const [file, url] = positionals;
  if (file === undefined || url === undefined || positionals.length > 2) return usage(io, 'explain takes RULES.yaml and one URL');
  const status = values.status === undefined ? undefined : Number(values.status);
  if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599)) return usage(io, `--status must be an HTTP status; found "${values.status}"`);
  const engine = await loadRules(file, io);
  if (!engine) return EXIT_FAILED;
  const post = values.post === undefined ? undefined : await loadPost(values.post, io);
  if (values.post !== undefined && post === undefined) return EXIT_FAILED;
  const decision = engine.decide(requestFor(url, values), { target, explain: true, ...(status === undefined ? {} : { response: { status } }), ...(post === undefined ? {} : { post }) });
  if (values.json) io.stdout.write(`${JSON.stringify(decision, null, 2)}\n`);
  else writeDecision(io, decision);
  return EXIT_OK;
}

async function diffCommand(positionals: string[], values: Values, target: TargetName, io: CliIO): Promise<number> {
  const [oldFile, newFile, ...urls] = positionals;
  if (oldFile === undefined || newFile === undefined || urls.length === 0) return usage(io, 'diff takes OLD.yaml, NEW.yaml and at least one URL');
  const [before, after] = [await loadRules(oldFile, io), await loadRules(newFile, io)];
  if (!before || !after) return EXIT_FAILED;
  const changes = diffRules(before, after, urls.map((url) => requestFor(url, values)), { target });
  for (const change of changes) {
    io.stdout.write(`${change.changes.length === 0 ? 'same   ' : 'CHANGED'} ${change.url}\n`);
    for (const line of change.changes) io.stdout.write(`          ${line}\n`);
  }
  const changed = changes.filter((change) => change.changes.length > 0).length;
  io.stdout.write(`\n${changed} of ${changes.length} URLs change behaviour (target ${target})\n`);
  return EXIT_OK;
}

async function lintCommand(file: string, io: CliIO): Promise<number> {
  const text = await readInput(file, io);
  if (text === undefined) return EXIT_FAILED;
  const diagnostics = lintRules(text, { file });
  for (const diagnostic of diagnostics) io.stdout.write(`${formatRulesDiagnostic(diagnostic)}\n`);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  io.stdout.write(`${errors} errors, ${diagnostics.length - errors} warnings in ${file}\n`);
  return errors === 0 ? EXIT_OK : EXIT_FAILED;
}

/** `alphanode rules test|explain|diff|lint|compile`: run, explain, compare and compile cache rules files. */
export const rulesCommand: Command = {
  name: 'rules',
  summary: 'test, explain, diff, lint and compile cache rules (@alphanode/cache-rules)',
  usage: USAGE,
  async run(args, io) {
    let parsed: { values: Values; positionals: string[] };
    try {
      parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] };
    } catch (error) {
      return usage(io, error instanceof Error ? error.message : String(error));
    }
    const [sub, ...positionals] = parsed.positionals;
    const target = parsed.values.target ?? 'generic';
    if (!isTargetName(target)) return usage(io, `unknown --target "${target}"; expected one of ${TARGETS.join(', ')}`);
    if (sub === 'test') return positionals.length === 1 ? testCommand(positionals[0] as string, io) : usage(io, 'test takes one RULES.yaml');
    if (sub === 'explain') return explainCommand(positionals, parsed.values, target, io);
    if (sub === 'diff') return diffCommand(positionals, parsed.values, target, io);
    if (sub === 'lint') return positionals.length === 1 ? lintCommand(positionals[0] as string, io) : usage(io, 'lint takes one RULES.yaml');
    if (sub === 'compile') return positionals.length === 1 ? compileCommand(positionals[0] as string, parsed.values.out, io) : usage(io, 'compile takes one RULES.yaml');
    return usage(io, sub === undefined ? 'expected a subcommand: test, explain, diff, lint or compile' : `unknown subcommand "${sub}"`);
  },
};
