import type { Post } from '@alphanode/parser';
import type { CompiledRule } from '../compile/compiled-rule.ts';
import { CacheRulesError } from '../cache-rules-error.ts';
import { formatDuration } from '../config/duration.ts';
import type { RulesConfig } from '../config/rules-schema.ts';
import { keyHeaderValue, type KeyHeaderResult } from '../keys/key-header.ts';
import { expandKeyTemplate } from '../keys/key-template.ts';
import { TARGETS, targetProfile, type TargetName } from '../targets/target-profiles.ts';
import type { DecideOptions, Decision, TraceEntry } from './decision.ts';
import { firedBypass, whyNotMatch, type RequestContext } from './match-rule.ts';
import { firstSegment, getHeader, setsCookie, splitUrl, type DecideRequest } from './request-view.ts';
import { createPostKeysMemo } from './post-keys-memo.ts';
import { noStoreHeaders, storedHeaders } from './rule-headers.ts';
import { statusRefusal } from './status-policy.ts';

/** A compiled rule set. `decide` parses nothing: every matcher and header string was built by `compileRules`. */
export interface CacheRulesEngine {
  /** The validated config (durations in seconds). */
  readonly config: RulesConfig;
  /** The rules, in precedence order. */
  readonly rules: readonly CompiledRule[];
  /** What caches should do with the response to `request`. */
  decide(request: DecideRequest, options: DecideOptions): Decision;
  /** The purge keys a response for `url` carries, given the post it shows (no safety checks: for purge planning). */
  keysFor(url: string, post?: Post): string[];
}

function describePolicy(rule: CompiledRule): string {
  const policy = rule.policy;
  if (policy.kind === 'private') return `rule "${rule.name}": browser-only caching for ${formatDuration(policy.browser)}; no shared cache stores it`;
  if (policy.kind === 'no-store') return `rule "${rule.name}" says noStore`;
  return `rule "${rule.name}": stored at the edge for ${formatDuration(policy.edge)}, in browsers for ${formatDuration(policy.browser)}`;
}

function buildIndex(rules: readonly CompiledRule[]): { bySegment: Map<string, CompiledRule[]>; dynamic: CompiledRule[] } {
  const bySegment = new Map<string, CompiledRule[]>();
  const literals = new Set(rules.flatMap((rule) => rule.firstLiterals.filter((literal) => literal !== undefined)));
  const anySegment = (rule: CompiledRule) => rule.firstLiterals.includes(undefined);
  // Each list keeps file order, so "first match wins" holds within the candidates of a segment.
  for (const literal of literals) bySegment.set(literal, rules.filter((rule) => anySegment(rule) || rule.firstLiterals.includes(literal)));
  return { bySegment, dynamic: rules.filter(anySegment) };
}

/** Builds the engine over compiled rules. */
export function createEngine(config: RulesConfig, rules: readonly CompiledRule[]): CacheRulesEngine {
  const { bySegment, dynamic } = buildIndex(rules);
  const reasons = rules.map(describePolicy);
  // Per target, the finished headers of each rule by its index, built on first use.
  // A null prototype, so that a target such as "toString" is unknown rather than inherited.
  const headerTable = Object.assign(Object.create(null) as object, Object.fromEntries(TARGETS.map((target) => [target, new Array<Readonly<Record<string, string>> | undefined>(rules.length)]))) as Record<TargetName, (Readonly<Record<string, string>> | undefined)[]>;
  const headersOf = (rule: CompiledRule, table: (Readonly<Record<string, string>> | undefined)[], target: TargetName) => table[rule.index] ?? (table[rule.index] = storedHeaders(rule, target));

  const postKeys = createPostKeysMemo(rules);

  function collectKeys(rule: CompiledRule, params: Record<string, string>, post: Post | undefined): string[] {
    const keys: string[] = [];
    for (const template of rule.keys) expandKeyTemplate(template, params, post, keys);
    return keys;
  }

  /** The rule's keys and, where the target has a key header, its value (remembered per post). */
  function keysWithHeader(rule: CompiledRule, params: Record<string, string>, post: Post | undefined, target: TargetName): { keys: string[]; value: KeyHeaderResult | undefined } {
    const keyHeader = targetProfile(target).keyHeader;
    if (post === undefined) {
      const keys = collectKeys(rule, params, undefined);
      return { keys, value: keyHeader && keys.length > 0 ? keyHeaderValue(keys, keyHeader) : undefined };
    }
    const memo = postKeys(rule, params, post);
    if (!keyHeader || memo.keys.length === 0) return { keys: memo.keys.slice(), value: undefined };
    let value = memo.headers.get(target);
    if (value === undefined) memo.headers.set(target, (value = keyHeaderValue(memo.keys, keyHeader)));
    return { keys: memo.keys.slice(), value };
  }

  function refuse(rule: CompiledRule, target: TargetName, action: 'bypass' | 'no-store', reason: string, trace: TraceEntry[]): Decision {
    return { rule: rule.name, action, reason, headers: { ...noStoreHeaders(target) }, keys: [], trace };
  }

  function decide(request: DecideRequest, options: DecideOptions): Decision {
    const target = options.target;
    const table = headerTable[target];
    if (table === undefined) throw new CacheRulesError('unknown-target', `unknown target "${String(target)}"; expected one of ${TARGETS.join(', ')}`);
    const url = splitUrl(request.url);
    const context: RequestContext = { request, response: options.response, method: request.method === undefined ? 'GET' : request.method.toUpperCase(), url, params: {}, cookies: undefined, hosts: undefined };
    const candidates = options.explain ? rules : (bySegment.get(firstSegment(url.path)) ?? dynamic);
    const trace: TraceEntry[] = [];
    let rule: CompiledRule | undefined;
    for (const candidate of candidates) {
      const why = whyNotMatch(candidate, context);
      trace.push({ rule: candidate.name, matched: why === undefined, reason: why ?? 'matched' });
      if (why === undefined) {
        rule = candidate;
        break;
      }
    }
    if (!rule) return { rule: null, action: 'no-store', reason: 'no rule matched: nothing is stored without a rule that says so', headers: { ...noStoreHeaders(target) }, keys: [], trace };
    if (rule.policy.kind === 'no-store') return refuse(rule, target, 'no-store', reasons[rule.index] as string, trace);
    // The safety checks below hold whatever a rule says, and before its own bypass conditions.
    if (context.method !== 'GET' && context.method !== 'HEAD') return refuse(rule, target, 'no-store', `only GET and HEAD responses are stored; this is ${context.method}`, trace);
    // A status outside what a cache may store by default is refused as a 5xx always was: the
    // same no-store headers, so no cache (shared or the browser's) keeps an error or a fragment.
    const refusal = statusRefusal(options.response?.status ?? 200, rule);
    if (refusal !== undefined) return refuse(rule, target, 'no-store', refusal, trace);
    if (getHeader(request.headers, 'authorization') !== undefined) {
      return refuse(rule, target, 'bypass', 'the request has an Authorization header: its answer may be personal, so no shared cache stores it (RFC 9111 §3.5)', trace);
    }
    if (setsCookie(options.response?.headers)) return refuse(rule, target, 'bypass', 'the response sets a cookie: a shared copy would hand one visitor\'s cookie to the next', trace);
    const fired = rule.bypass.length === 0 ? undefined : firedBypass(rule.bypass, context);
    if (fired !== undefined) return refuse(rule, target, 'bypass', fired, trace);
    const reason = reasons[rule.index] as string;
    if (rule.policy.kind === 'private' || rule.keys.length === 0) return { rule: rule.name, action: 'cache', reason, headers: { ...headersOf(rule, table, target) }, keys: [], trace };
    const { keys, value } = keysWithHeader(rule, context.params, options.post, target);
    const headers: Record<string, string> = { ...headersOf(rule, table, target) };
    const keyHeader = targetProfile(target).keyHeader;
    if (keyHeader && value) {
      if (!value.ok) return { ...refuse(rule, target, 'no-store', `${value.reason}: not stored, because a partly tagged copy could never be purged`, trace), keys };
      headers[keyHeader.name] = value.value;
    }
    return { rule: rule.name, action: 'cache', reason, headers, keys, trace };
  }

  function keysFor(url: string, post?: Post): string[] {
    const context: RequestContext = { request: { url }, response: undefined, method: 'GET', url: splitUrl(url), params: {}, cookies: undefined, hosts: undefined };
    for (const rule of rules) if (whyNotMatch(rule, context) === undefined) return rule.policy.kind === 'shared' ? collectKeys(rule, context.params, post) : [];
    return [];
  }

  return { config, rules, decide, keysFor };
}
