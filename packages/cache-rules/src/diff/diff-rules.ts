import type { CacheRulesEngine } from '../engine/create-engine.ts';
import type { Decision, DecideOptions } from '../engine/decision.ts';
import type { DecideRequest } from '../engine/request-view.ts';

/** How one request fares under two rule sets. */
export interface DecisionChange {
  url: string;
  before: Decision;
  after: Decision;
  /** What differs, one line each; empty when the behaviour is the same. */
  changes: string[];
}

function headerChanges(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.flatMap((name) => {
    const a = before[name];
    const b = after[name];
    if (a === b) return [];
    if (a === undefined) return [`+ ${name}: ${b}`];
    if (b === undefined) return [`- ${name}: ${a}`];
    return [`~ ${name}: ${a} → ${b}`];
  });
}

/**
 * Decides each request under an old and a new rule set and says what changed: the rule, the
 * action, each header, the keys. Run it on a change and on its rollback before deploying.
 *
 * @example
 * diffRules(oldEngine, newEngine, [{ url: '/posts/a' }], { target: 'fastly' }).filter((c) => c.changes.length > 0);
 */
export function diffRules(before: CacheRulesEngine, after: CacheRulesEngine, requests: readonly DecideRequest[], options: DecideOptions): DecisionChange[] {
  return requests.map((request) => {
    const a = before.decide(request, options);
    const b = after.decide(request, options);
    const changes: string[] = [];
    if (a.rule !== b.rule) changes.push(`rule: ${a.rule ?? '(none)'} → ${b.rule ?? '(none)'}`);
    if (a.action !== b.action) changes.push(`action: ${a.action} → ${b.action}`);
    changes.push(...headerChanges(a.headers, b.headers));
    if (a.keys.join(' ') !== b.keys.join(' ')) changes.push(`keys: ${a.keys.join(' ') || '(none)'} → ${b.keys.join(' ') || '(none)'}`);
    return { url: String(request.url), before: a, after: b, changes };
  });
}
