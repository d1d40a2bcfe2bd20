import type { CompiledRule } from '../compile/compiled-rule.ts';
import type { RulesConfig } from '../config/rules-schema.ts';
import type { PendingDiagnostic } from '../diagnostic.ts';
import type { PathPattern } from '../pattern/compile-pattern.ts';
import { pathCovers } from '../pattern/pattern-relations.ts';

const HOUR = 3600;

/** Whether `earlier` takes every request `path` (of `later`) could match. */
function takes(earlier: CompiledRule, later: CompiledRule, path: PathPattern): boolean {
  // Only an earlier rule with no condition beyond path and method surely takes every request.
  if (earlier.hosts || earlier.headers.length > 0 || earlier.statuses || earlier.contentTypes) return false;
  if (!later.methods.every((method) => earlier.methods.includes(method))) return false;
  return earlier.paths.some((outer) => pathCovers(outer, path));
}

/**
 * Rules that an earlier rule always wins over (they can never match, so their settings never
 * apply), and single patterns of a rule that an earlier rule takes.
 */
export function unreachableRules(rules: readonly CompiledRule[], out: PendingDiagnostic[]): void {
  for (const later of rules) {
    const earlier = rules.filter((rule) => rule.index < later.index);
    const whole = earlier.find((rule) => later.paths.length > 0 && later.paths.every((path) => takes(rule, later, path)));
    if (whole) {
      out.push({ code: 'unreachable-rule', severity: 'error', rule: later.name, path: ['rules', later.index, 'name'], message: `rule "${later.name}" can never match: rule "${whole.name}" comes first and matches every request it would (first match wins; move it above "${whole.name}")` });
      continue;
    }
    later.paths.forEach((path, index) => {
      const shadow = earlier.find((rule) => takes(rule, later, path));
      if (shadow) out.push({ code: 'shadowed-pattern', severity: 'warning', rule: later.name, path: ['rules', later.index, 'match', 'path', index], message: `the pattern ${path.source} of rule "${later.name}" never applies: rule "${shadow.name}" comes first and takes every request it matches` });
    });
  }
}

/** Combinations that are valid but are known to hurt: each says what goes wrong. */
export function riskyRules(rules: readonly CompiledRule[], out: PendingDiagnostic[]): void {
  for (const rule of rules) {
    const at = (path: (string | number)[]) => ['rules', rule.index, ...path];
    const push = (code: PendingDiagnostic['code'], severity: PendingDiagnostic['severity'], path: (string | number)[], message: string) => out.push({ code, severity, rule: rule.name, path: at(path), message });
    const policy = rule.policy;
    const vary = rule.vary.toLowerCase().split(', ');
    // Vary: Cookie never gets this far: compileRules refuses Cookie wherever a rule reads a header.
    if (policy.kind !== 'no-store' && vary.includes('*')) push('risky-vary', 'error', ['vary'], 'Vary: * makes the response unusable from any cache; use noStore: true if that is the intent');
    if (policy.kind !== 'no-store' && policy.immutable) {
      if (rule.bypass.length > 0) push('risky-immutable', 'warning', ['cache', 'immutable'], 'immutable on a page with bypass conditions: personalised or preview content is never immutable');
      else if (rule.paths.some((path) => path.segments.at(-1)?.kind === 'param')) push('risky-immutable', 'warning', ['cache', 'immutable'], 'immutable on a route such as /posts/:slug: only fingerprinted files (app.3f9a1c.css) never change, and browsers cannot be purged');
    }
    if (policy.kind === 'shared' && !policy.immutable && rule.keys.length > 0 && policy.browser > Math.max(policy.edge, HOUR)) {
      push('risky-browser-ttl', 'warning', ['cache', 'browser'], `browsers keep this for ${policy.browser}s and cannot be purged: a purge by key reaches the edge only; keep browser short and edge long`);
    }
    if (policy.kind !== 'no-store' && rule.methods.some((method) => method !== 'GET' && method !== 'HEAD')) {
      push('risky-method', 'warning', ['match', 'method'], `only GET and HEAD responses are ever stored; ${rule.methods.filter((method) => method !== 'GET' && method !== 'HEAD').join(', ')} will always be no-store`);
    }
    rule.paths.forEach((path, index) => {
      if (/[()[\]+^$|\\]/.test(path.source)) push('looks-like-regex', 'warning', ['match', 'path', index], `"${path.source.slice(0, 40)}" looks like a regular expression, but patterns are literal segments, :params and a final *`);
    });
    const kinds = new Set(rule.examples.map((example) => example.kind));
    if (policy.kind !== 'no-store' && !kinds.has('cached')) push('missing-examples', 'warning', ['name'], `rule "${rule.name}" caches but has no examples.cached: add a URL it should cache, so the rule tests itself`);
    if (policy.kind === 'shared' && rule.bypass.length > 0 && !kinds.has('bypassed')) push('missing-examples', 'warning', ['bypass'], `rule "${rule.name}" has bypass conditions but no examples.bypassed: add a request each condition should keep out of the cache`);
  }
}

/** Bypass conditions defined at the top but used by no rule. */
export function unusedBypasses(config: RulesConfig, rules: readonly CompiledRule[], out: PendingDiagnostic[]): void {
  const used = new Set(rules.flatMap((rule) => rule.bypass.map((condition) => condition.name)));
  for (const name of Object.keys(config.bypass ?? {})) {
    if (!used.has(name)) out.push({ code: 'unused-bypass', severity: 'warning', path: ['bypass', name], message: `the bypass condition "${name}" is used by no rule` });
  }
}
