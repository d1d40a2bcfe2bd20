import type { CacheConfig, RuleConfig } from '../config/rules-schema.ts';
import type { PendingDiagnostic } from '../diagnostic.ts';
import { normaliseHost } from '../engine/request-host.ts';
import { compileKeyTemplate, type KeyTemplate } from '../keys/key-template.ts';
import { compilePattern, type PathPattern } from '../pattern/compile-pattern.ts';
import { compileNamePattern, type NamePattern } from '../pattern/name-pattern.ts';
import type { CachePolicy } from '../targets/cache-policy.ts';
import type { CompiledBypass, CompiledExample, CompiledRule, ExampleKind } from './compiled-rule.ts';

type Push = (code: PendingDiagnostic['code'], message: string, path: (string | number)[]) => void;

function buildPolicy(cache: CacheConfig, push: Push): CachePolicy {
  if (cache.noStore) {
    const extra = (['edge', 'browser', 'staleWhileRevalidate', 'staleIfError', 'immutable', 'private'] as const).filter((key) => cache[key] !== undefined && cache[key] !== false);
    if (extra.length > 0) push('conflicting-cache', `noStore cannot be combined with ${extra.join(', ')}: nothing is stored, so no lifetime applies`, ['cache', 'noStore']);
    return { kind: 'no-store' };
  }
  if (cache.edge === undefined && cache.browser === undefined) push('missing-key', 'a cache block needs edge or browser (a lifetime), or noStore: true', ['cache']);
  const browser = cache.browser ?? 0;
  const immutable = cache.immutable === true;
  if (immutable && browser === 0) push('conflicting-cache', 'immutable needs a browser lifetime: it only says "do not revalidate while fresh" (RFC 8246)', ['cache', 'immutable']);
  if (cache.private) {
    const shared = (['edge', 'staleWhileRevalidate', 'staleIfError'] as const).filter((key) => cache[key] !== undefined);
    if (shared.length > 0) push('conflicting-cache', `private (browser-only) caching cannot have ${shared.join(', ')}: no shared cache stores it`, ['cache', 'private']);
    return { kind: 'private', browser, immutable };
  }
  return { kind: 'shared', edge: cache.edge ?? browser, browser, staleWhileRevalidate: cache.staleWhileRevalidate ?? 0, staleIfError: cache.staleIfError ?? 0, immutable };
}

function buildPaths(paths: readonly string[], push: Push): PathPattern[] {
  const out: PathPattern[] = [];
  paths.forEach((source, index) => {
    const result = compilePattern(source);
    if (result.ok) out.push(result.pattern);
    else push('invalid-pattern', result.message, ['match', 'path', index]);
  });
  return out;
}

function commonParams(paths: readonly PathPattern[]): string[] {
  const [first, ...rest] = paths;
  return first ? first.params.filter((param) => rest.every((path) => path.params.includes(param))) : [];
}

function buildExamples(examples: RuleConfig['examples'], index: number): CompiledExample[] {
  const out: CompiledExample[] = [];
  for (const kind of ['cached', 'bypassed', 'noStore'] as ExampleKind[]) {
    (examples?.[kind] ?? []).forEach((example, position) => out.push({ kind, example, path: ['rules', index, 'examples', kind, position] }));
  }
  return out;
}

function varyValue(rule: RuleConfig, bypass: readonly CompiledBypass[]): string {
  // Every request header the decision reads must be in Vary, or one variant is served for all.
  const names = [...(rule.vary ?? []), ...Object.keys(rule.match.header ?? {}), ...bypass.flatMap((condition) => condition.headers)];
  const seen = new Map<string, string>();
  for (const name of names) if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name.toLowerCase() === name ? titleCase(name) : name);
  return [...seen.values()].join(', ');
}

function titleCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_all, dash: string, letter: string) => dash + letter.toUpperCase());
}

/**
 * Compiles one validated rule. Problems are pushed as path-only diagnostics; the rule is still
 * built (with the broken parts left out) so that every problem in a file is found in one pass.
 */
export function buildRule(rule: RuleConfig, index: number, bypasses: ReadonlyMap<string, CompiledBypass>, diagnostics: PendingDiagnostic[]): CompiledRule {
  const push: Push = (code, message, path) => diagnostics.push({ code, severity: 'error', message, path: ['rules', index, ...path], rule: rule.name });
  const paths = buildPaths(rule.match.path, push);
  const bypass: CompiledBypass[] = [];
  (rule.bypass ?? []).forEach((name, position) => {
    const found = bypasses.get(name);
    if (found) bypass.push(found);
    else push('undefined-bypass', `the bypass condition "${name}" is not defined (defined: ${[...bypasses.keys()].join(', ') || 'none'}); add it under the top-level bypass:`, ['bypass', position]);
  });
  const hosts: NamePattern[] = [];
  (rule.match.host ?? []).forEach((source, position) => {
    // Compared as requests' hosts are (lowercase, no trailing dot), which decide normalises, so
    // `Admin.Example.com.` in a file and `Host: admin.example.com` in a request are one host.
    const result = compileNamePattern(normaliseHost(source));
    if (result.ok) hosts.push(result.pattern);
    else push('invalid-name-pattern', result.message, ['match', 'host', position]);
  });
  const params = commonParams(paths);
  const keys: KeyTemplate[] = [];
  (rule.keys ?? []).forEach((source, position) => {
    const result = compileKeyTemplate(source, params);
    if (result.ok) keys.push(result.template);
    else push('invalid-key-template', result.message, ['keys', position]);
  });
  const statuses = rule.match.status === undefined ? undefined : typeof rule.match.status === 'number' ? [rule.match.status] : rule.match.status;
  const methods = (rule.match.method ?? ['GET', 'HEAD']).map((method) => method.toUpperCase());
  const pathList = rule.match.path.join(', ');
  return {
    name: rule.name,
    index,
    description: rule.description,
    paths,
    firstLiterals: paths.map((path) => path.firstLiteral),
    methods,
    hosts: rule.match.host ? hosts : undefined,
    headers: Object.entries(rule.match.header ?? {}).map(([name, value]) => ({ name: name.toLowerCase(), value })),
    contentTypes: rule.match.contentType?.map((type) => type.toLowerCase()),
    statuses,
    bypass,
    policy: buildPolicy(rule.cache, push),
    vary: varyValue(rule, bypass),
    bypassCookieNames: bypass.flatMap((condition) => condition.cookies.filter((cookie) => !cookie.source.includes('*')).map((cookie) => cookie.source)),
    keys,
    examples: buildExamples(rule.examples, index),
    says: {
      path: `path does not match ${pathList}`,
      method: `method is not ${methods.join(' or ')}`,
      host: `host is not ${(rule.match.host ?? []).join(' or ')}`,
      header: `request headers do not match ${Object.keys(rule.match.header ?? {}).join(', ')}`,
      status: `response status is not ${(statuses ?? []).join(' or ')}`,
      contentType: `response content type is not ${(rule.match.contentType ?? []).join(' or ')}`,
      noContentType: 'the rule matches on the response content type, and no response was given',
    },
  };
}
