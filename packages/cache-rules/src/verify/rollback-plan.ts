import type { CacheRulesEngine } from '../engine/create-engine.ts';
import { diffRules } from '../diff/diff-rules.ts';
import type { PurgeInput } from '../purge-clients/types.ts';
import type { TargetName } from '../targets/target-profiles.ts';

/** One sampled URL whose caching the new rules change, in brief. */
export interface RuleChange {
  url: string;
  /** The deciding rule before (the previous rules) and after (the rules being verified). */
  before: string | null;
  after: string | null;
  /** One line per difference, as `diffRules` writes them. */
  changes: string[];
}

/**
 * What the current rules change against the previous ones over the sampled URLs, and the purge
 * plan a rollback needs: every changed URL, and every key either rule set tags them with, so that
 * no copy cached under the rules being rolled back outlives them.
 *
 * @example
 * const { changes, plan } = rollbackPlan(previous, current, ['/posts/a'], 'fastly');
 */
export function rollbackPlan(previous: CacheRulesEngine, current: CacheRulesEngine, urls: readonly string[], target: TargetName): { changes: RuleChange[]; plan: PurgeInput } {
  const changed = diffRules(previous, current, urls.map((url) => ({ url })), { target }).filter((change) => change.changes.length > 0);
  const changes = changed.map((change) => ({ url: change.url, before: change.before.rule, after: change.after.rule, changes: change.changes }));
  const keys = [...new Set(changed.flatMap((change) => [...change.before.keys, ...change.after.keys]))].sort();
  return { changes, plan: { urls: changes.map((change) => change.url), keys } };
}
