import type { CompiledExample, CompiledRule, ExampleKind } from '../compile/compiled-rule.ts';
import type { ExampleConfig } from '../config/rules-schema.ts';
import type { CacheRulesEngine } from '../engine/create-engine.ts';
import type { Action, Decision } from '../engine/decision.ts';
import type { DecideRequest, DecideResponse } from '../engine/request-view.ts';

const EXPECTED: Record<ExampleKind, Action> = { cached: 'cache', bypassed: 'bypass', noStore: 'no-store' };

/** One example run: what it asked, what the engine decided, and whether they agree. */
export interface ExampleResult {
  rule: string;
  kind: ExampleKind;
  url: string;
  passed: boolean;
  /** Why it failed, in words; '' when it passed. */
  message: string;
  decision: Decision;
  path: (string | number)[];
}

/**
 * The request and response an example describes.
 *
 * @example
 * exampleRequest({ url: '/posts/a', cookie: 'session=1' }); // { request: { url, headers: { cookie } }, response: { headers: {} } }
 */
export function exampleRequest(example: ExampleConfig): { request: DecideRequest; response: DecideResponse } {
  if (typeof example === 'string') return { request: { url: example }, response: {} };
  const headers: Record<string, string> = {};
  const given = example.header ?? [];
  const entries = Array.isArray(given) ? given.map((line) => [line.slice(0, Math.max(0, line.indexOf(':'))), line.slice(line.indexOf(':') + 1)] as const) : Object.entries(given);
  for (const [name, value] of entries) if (name.trim() !== '') headers[name.trim().toLowerCase()] = value.trim();
  if (example.cookie !== undefined) headers['cookie'] = example.cookie;
  const responseHeaders: Record<string, string> = {};
  if (example.contentType !== undefined) responseHeaders['content-type'] = example.contentType;
  if (example.setCookie) responseHeaders['set-cookie'] = 'example=1';
  return {
    request: { url: example.url, ...(example.method === undefined ? {} : { method: example.method }), headers },
    response: { ...(example.status === undefined ? {} : { status: example.status }), headers: responseHeaders },
  };
}

function runOne(engine: CacheRulesEngine, rule: CompiledRule, example: CompiledExample): ExampleResult {
  const { request, response } = exampleRequest(example.example);
  const decision = engine.decide(request, { target: 'generic', response, explain: true });
  const want = EXPECTED[example.kind];
  const url = String(request.url);
  let message = '';
  if (decision.rule !== rule.name) message = `${url} was decided by ${decision.rule == null ? 'no rule' : `rule "${decision.rule}"`}, not "${rule.name}"`;
  else if (decision.action !== want) message = `${url} should be ${example.kind} but was ${decision.action}: ${decision.reason}`;
  return { rule: rule.name, kind: example.kind, url, passed: message === '', message, decision, path: example.path };
}

/**
 * Runs every example of every rule: each must be decided by its own rule, with the action its
 * list names (`cached` → cache, `bypassed` → bypass, `noStore` → no-store).
 *
 * @example
 * const failed = runExamples(engine).filter((result) => !result.passed);
 */
export function runExamples(engine: CacheRulesEngine): ExampleResult[] {
  return engine.rules.flatMap((rule) => rule.examples.map((example) => runOne(engine, rule, example)));
}
