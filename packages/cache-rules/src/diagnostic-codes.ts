import type { CodeInfo } from '@alphanode/parser';
import type { CacheRulesError } from './cache-rules-error.ts';
import type { RulesDiagnosticCode } from './diagnostic.ts';
import type { PurgeFailureCode, PurgeNoticeCode } from './purge-clients/types.ts';
import type { LeakCode, VerifyNoticeCode } from './verify/types.ts';

/**
 * Every code `compileRules`, `loadCompiledRules` and `lintRules` report: the source of the error-code table in the docs.
 * A rules file is read from text, so no finding goes away on a retry.
 */
export const RULES_DIAGNOSTIC_CODES = {
  'yaml-syntax': { meaning: 'The file is not valid YAML.', fix: 'Fix the syntax at the position given.', retry: 'no' },
  'invalid-input': { meaning: 'The rules are neither text nor an object.', fix: 'Pass the file\'s text, or the parsed object.', retry: 'no' },
  'too-large': { meaning: 'The rules file is over the size limit.', fix: 'Split or shorten it; a rules file is a few kilobytes.', retry: 'no' },
  'json-syntax': { meaning: 'loadCompiledRules was given text that is not JSON (a YAML rules file, or a file cut short).', fix: 'Pass the JSON that compileRulesToJson or `alphanode rules compile` wrote.', retry: 'no' },
  'not-compiled-rules': { meaning: 'loadCompiledRules was given JSON that is not compiled rules, or compiled rules of another format version.', fix: 'Compile the rules file with this version: compileRulesToJson, or `alphanode rules compile rules.yaml -o rules.json`.', retry: 'no' },
  'unknown-key': { meaning: 'A key the schema does not define (often a typo).', fix: 'Use one of the keys the message lists.', retry: 'no' },
  'invalid-type': { meaning: 'A value of the wrong type, e.g. a string where a list belongs.', fix: 'Write the type the message names.', retry: 'no' },
  'invalid-value': { meaning: 'A value outside what the field takes: a header name that is not an RFC 9110 token, a value with CR, LF or characters above Latin-1, a status outside 100-599.', fix: 'Write a value the message describes.', retry: 'no' },
  'missing-key': { meaning: 'A required key is absent, e.g. a rule\'s name, match or cache.', fix: 'Add the key the message names.', retry: 'no' },
  'too-many': { meaning: 'A list is longer than its limit.', fix: 'Shorten the list.', retry: 'no' },
  'invalid-duration': { meaning: 'A duration is not a number of seconds or a number with s, m, h, d or y.', fix: 'Write e.g. 60, 90s, 5m, 1h, 1d or 1y.', retry: 'no' },
  'invalid-pattern': { meaning: 'A path pattern is not literal segments, :params and a final *.', fix: 'Rewrite the pattern as the message shows.', retry: 'no' },
  'invalid-name-pattern': { meaning: 'A cookie or query-parameter name pattern is not valid.', fix: 'Use a name, or a name with a trailing *.', retry: 'no' },
  'invalid-key-template': { meaning: 'A purge-key template names an unknown {param}, is unbalanced, or leaves no letters or digits.', fix: 'Use the rule\'s own :params or {post.…} fields.', retry: 'no' },
  'duplicate-rule': { meaning: 'Two rules have the same name.', fix: 'Rename one.', retry: 'no' },
  'undefined-bypass': { meaning: 'A rule names a bypass condition that is not defined at the top level.', fix: 'Define it under bypass:, or fix the name.', retry: 'no' },
  'conflicting-cache': { meaning: 'A cache block contradicts itself: noStore with a lifetime, private with shared lifetimes, immutable with no browser lifetime.', fix: 'Keep one intent.', retry: 'no' },
  'unreachable-rule': { meaning: 'An earlier rule matches every request this one would (first match wins).', fix: 'Move the rule above the one named.', retry: 'no' },
  'shadowed-pattern': { meaning: 'One of a rule\'s path patterns is always taken by an earlier rule.', fix: 'Move the rule, or drop the pattern.', retry: 'no' },
  'example-failed': { meaning: 'A rule\'s example request was not decided as the example says.', fix: 'Fix the rule or the example; the message says which rule decided it.', retry: 'no' },
  'missing-examples': { meaning: 'A rule that caches has no cached example, or one with bypass conditions has no bypassed example.', fix: 'Add examples, so the rule tests itself.', retry: 'no' },
  'unused-bypass': { meaning: 'A bypass condition no rule uses.', fix: 'Use it in a rule, or remove it.', retry: 'no' },
  'risky-vary': { meaning: 'A vary list names Cookie (in any spelling) or *, which splits or disables the cache per visitor.', fix: 'Use a bypass on the session cookie instead.', retry: 'no' },
  'risky-immutable': { meaning: 'immutable on a page that can change (a route with :params, or with bypass conditions).', fix: 'Keep immutable for fingerprinted files.', retry: 'no' },
  'risky-browser-ttl': { meaning: 'Browsers keep the page for a long time, and no purge reaches them.', fix: 'Keep browser short and edge long.', retry: 'no' },
  'risky-method': { meaning: 'A rule matches methods other than GET and HEAD, whose responses are never stored.', fix: 'Match GET and HEAD only.', retry: 'no' },
  'looks-like-regex': { meaning: 'A path pattern looks like a regular expression, which patterns are not.', fix: 'Use literal segments, :params and a final *.', retry: 'no' },
} as const satisfies Record<RulesDiagnosticCode, CodeInfo>;

/** The codes a `CacheRulesError` carries: thrown only by `compileRulesOrThrow`, `loadCompiledRulesOrThrow` and for a programming error. */
export const RULES_ERROR_CODES = {
  'invalid-rules': { meaning: 'compileRulesOrThrow or loadCompiledRulesOrThrow was given rules with errors; `diagnostics` lists them.', fix: 'Fix the diagnostics, or call compileRules (loadCompiledRules) to get them as data.', retry: 'no' },
  'unknown-target': { meaning: 'decide was called with a target that is not one of the seven.', fix: 'Use generic, fastly, cloudflare, akamai, netlify, vercel or varnish.', retry: 'no' },
} as const satisfies Record<CacheRulesError['code'], CodeInfo>;

/** Why a purge client did not purge something: `PurgeFailure.code`, with `retryable` set per failure. */
export const PURGE_FAILURE_CODES = {
  rejected: { meaning: 'The CDN refused the request (a 4xx other than 408 and 429), or answered 200 with an error.', fix: 'Check the credentials and the plan; the message holds the CDN\'s answer.', retry: 'no' },
  'rate-limited': { meaning: '429 on every attempt, or a Retry-After longer than maxRetryAfterMs.', fix: 'Run the same plan again later; purges are idempotent.', retry: 'sometimes' },
  'server-error': { meaning: '5xx or 408 on every attempt.', fix: 'Run the same plan again later.', retry: 'sometimes' },
  unreachable: { meaning: 'No answer (DNS, connection, timeout) on every attempt.', fix: 'Check the network and the endpoint, then run the plan again.', retry: 'sometimes' },
  'invalid-input': { meaning: 'The plan or the client\'s settings cannot make a request, e.g. a URL path and no siteUrl, or no Akamai signer.', fix: 'Give the setting the message names.', retry: 'no' },
  'signing-failed': { meaning: 'The injected Akamai EdgeGrid signer threw.', fix: 'Check the signer and its credentials.', retry: 'no' },
} as const satisfies Record<PurgeFailureCode, CodeInfo>;

/** Where a purge did something other than what was asked, though nothing failed: `PurgeNotice.code`. */
export const PURGE_NOTICE_CODES = {
  'soft-unsupported': { meaning: 'A soft purge was asked and the CDN only purges hard, so it evicted instead.', fix: 'Nothing, or expect a burst of misses.', retry: 'no' },
  'hard-url-purge': { meaning: 'A soft purge was asked and this kind of purge (Varnish by URL) is hard.', fix: 'Nothing.', retry: 'no' },
  'urls-not-purged': { meaning: 'The plan has URLs without a key and the CDN\'s API cannot purge by URL; they stay until they expire.', fix: 'Give those pages keys in the rules, or use a target with URL purges.', retry: 'no' },
  'prefixes-not-purged': { meaning: 'The plan has prefixes and the CDN\'s API takes none.', fix: 'Purge by key instead.', retry: 'no' },
  'key-skipped': { meaning: 'A key longer than the CDN takes was left out; no cached object can carry it.', fix: 'Nothing; keys are cut to 128 characters when made.', retry: 'no' },
} as const satisfies Record<PurgeNoticeCode, CodeInfo>;

/** Why `verifySite` (`alphanode verify`) counts a logged-in answer as a leak: `Leak.code`. Each fails the run. */
export const VERIFY_LEAK_CODES = {
  'served-from-cache': { meaning: 'A session-cookie or Authorization request that the rules keep out of shared caches was answered from one (a HIT).', fix: 'Make the CDN honour the rules\' bypass (its config, or the headers the origin sends), then purge the URL.', retry: 'no' },
  aged: { meaning: 'Such a request carried Age above 0: a cache held the answer.', fix: 'As for served-from-cache: the CDN must pass these requests to the origin.', retry: 'no' },
  shareable: { meaning: 'Such a request got a Cache-Control that lets a shared cache store it (neither private nor no-store).', fix: 'Serve the rules\' headers on that route (the adapters write private, no-store for a bypass).', retry: 'no' },
  'anonymous-bytes': { meaning: 'Such a request got the anonymous copy\'s bytes, though the origin answers this visitor differently.', fix: 'Bypass the cache for the visitor\'s cookie or Authorization at the CDN, then purge the URL.', retry: 'no' },
  'personal-bytes-shared': { meaning: 'The anonymous request sent right after got the logged-in bytes: a cache stored a personal page for everyone.', fix: 'Purge the URL at once, then make the CDN bypass logged-in requests.', retry: 'no' },
} as const satisfies Record<LeakCode, CodeInfo>;

/** What `verifySite` (`alphanode verify`) could not check: `VerifyNotice.code`. None fails the run alone. */
export const VERIFY_NOTICE_CODES = {
  'budget-exhausted': { meaning: 'The request budget (maxRequests, --max-requests) ran out; the remaining checks were not run.', fix: 'Raise the budget, or sample fewer URLs.', retry: 'no' },
  'off-origin': { meaning: 'A URL on another origin than the base URL\'s was left out.', fix: 'Nothing, or verify that origin on its own.', retry: 'no' },
  'fetch-failed': { meaning: 'A request failed (network, timeout) or its body did not arrive.', fix: 'Check the URL in the message, then run again.', retry: 'sometimes' },
  'not-warm': { meaning: 'A page to be checked after the purge was not a HIT on its second request, so the purge cannot be judged on it.', fix: 'Check that the CDN caches the page (its rule, its headers), then run again.', retry: 'sometimes' },
  'purge-problem': { meaning: 'The purge itself reported a failure or a notice; its own code and message follow.', fix: 'See that purge code in the tables above.', retry: 'sometimes' },
  'no-cache-status': { meaning: 'No response carried X-Cache, CF-Cache-Status, X-Vercel-Cache, Cache-Status or Age, so hits cannot be told from misses; leaks are judged on headers and bytes only.', fix: 'Have the CDN send a cache-status header.', retry: 'no' },
} as const satisfies Record<VerifyNoticeCode, CodeInfo>;
