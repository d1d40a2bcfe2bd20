import type { CompiledRule } from '../compile/compiled-rule.ts';

/**
 * Statuses a cache may store without being told to (RFC 9110 §15.1 "heuristically cacheable by
 * default": 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501), less 206, which the
 * engine never stores (below), plus 304. 501 stays: "not implemented" lasts as long as the server's
 * code, unlike the other 5xx, which report a passing fault. A 304 carries the headers a cache merges into the
 * copy it revalidated (RFC 9111 §4.3.4), so it is decided as the 200 it confirms: were it
 * decided otherwise, a revalidation would turn a stored page's policy into the 304's.
 */
const SHARED_BY_DEFAULT: ReadonlySet<number> = new Set([200, 203, 204, 300, 301, 304, 308, 404, 405, 410, 414, 501]);

/**
 * Whether a rule's `match.status` list takes `status`. A 304 counts as the 200 it confirms (see
 * `SHARED_BY_DEFAULT`), unless the list names 304 itself.
 */
export function statusMatches(statuses: readonly number[], status: number): boolean {
  return statuses.includes(status) || (status === 304 && statuses.includes(200));
}

/**
 * Why a response with `status`, matched by `rule`, is stored nowhere, or undefined when the rule's
 * policy applies. A status the rule names in `match.status` is the rule's to decide (a 404 rule, a
 * 302 rule); any other must be cacheable by default. 1xx, 206 and 5xx other than 501 are never
 * stored, named or not.
 */
export function statusRefusal(status: number, rule: CompiledRule): string | undefined {
  if (status >= 500 && status !== 501) return `a ${status} response is never stored: an error must not outlive its cause`;
  if (status < 200) return `a ${status} response is interim: only a final response is ever stored`;
  if (status === 206) return 'a 206 response is never stored: it holds part of a resource, which a cache keeping it under this rule could serve as the whole';
  if (SHARED_BY_DEFAULT.has(status) || (rule.statuses !== undefined && statusMatches(rule.statuses, status))) return undefined;
  return `a ${status} response is never stored unless its rule names it: RFC 9110 §15.1 does not make ${status} cacheable by default, and rule "${rule.name}" has no match.status with ${status}`;
}
