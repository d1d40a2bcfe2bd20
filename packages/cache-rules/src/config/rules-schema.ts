import { z } from 'zod';
import { parseDuration } from './duration.ts';
import { cookieName, exampleHeaders, headerValue, hostPattern, mediaRange, method, readHeaderName, report, varyName, type Problem } from './field-checks.ts';
import { MAX_KEY_TEMPLATES, MAX_LIST, MAX_RULES, NAME_PATTERN, NAME_RULE } from './limits.ts';

/** A duration: `30s 5m 1h 1d 1w 1y`, sums such as `1h30m`, or whole seconds. Output: seconds. */
export const DurationSchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const result = parseDuration(value);
  if (result.ok) return result.seconds;
  ctx.addIssue({ code: 'custom', message: result.message, params: { ruleCode: 'invalid-duration' } });
  return z.NEVER;
});

const Text = z.string().max(2000);
const Name = z.string().regex(NAME_PATTERN, { message: NAME_RULE });
/** One name or a list; both read as a list. */
const List = z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).min(1).max(MAX_LIST)]).transform((value) => (typeof value === 'string' ? [value] : value));

/** A List whose every entry passes `check`; a failure is reported at the entry. */
function checkedList(check: (text: string) => Problem) {
  return List.check((ctx) => ctx.value.forEach((text, index) => report(ctx.issues, check(text), text, [index])));
}

export const BypassSchema = z
  .strictObject({
    description: Text.optional(),
    cookie: checkedList(cookieName).optional().describe('cookie names; "prefix*" and "*suffix" allowed'),
    header: checkedList(readHeaderName).optional().describe('request header names, present means bypass'),
    query: List.optional().describe('query parameter names, present means bypass'),
  })
  .refine((value) => value.cookie ?? value.header ?? value.query, { message: 'a bypass condition needs at least one of cookie, header or query', params: { ruleCode: 'missing-key' } });

export const MatchSchema = z.strictObject({
  path: List.describe('path patterns: /posts/:slug, /assets/*'),
  method: checkedList(method).optional().describe('default GET and HEAD'),
  host: checkedList(hostPattern).optional().describe('host names; "*.example.com" allowed'),
  header: z
    .record(
      z.string().min(1).max(200).check((ctx) => report(ctx.issues, readHeaderName(ctx.value), ctx.value)),
      z.union([z.string().max(1000), z.literal(true)]).check((ctx) => report(ctx.issues, typeof ctx.value === 'string' ? headerValue(ctx.value) : undefined, ctx.value)),
    )
    .optional()
    .describe('request headers that must be present (true) or equal a value'),
  contentType: checkedList(mediaRange).optional().describe('response media types: text/html, image/*'),
  status: z.union([z.int().min(100).max(599), z.array(z.int().min(100).max(599)).min(1).max(MAX_LIST)]).optional().describe('response status codes'),
});

export const CacheSchema = z.strictObject({
  edge: DurationSchema.optional().describe('shared (CDN) cache lifetime; default: browser'),
  browser: DurationSchema.optional().describe('browser cache lifetime; default 0'),
  staleWhileRevalidate: DurationSchema.optional(),
  staleIfError: DurationSchema.optional(),
  immutable: z.boolean().optional(),
  private: z.boolean().optional().describe('browser-only caching: no shared cache stores it'),
  noStore: z.boolean().optional(),
});

const HeaderList = z.union([z.array(z.string().max(2000)).max(MAX_LIST), z.record(z.string().max(200), z.string().max(2000))]);

export const ExampleSchema = z.union([
  z.string().min(1).max(4000),
  z.strictObject({
    url: z.string().min(1).max(4000),
    method: z.string().max(20).optional(),
    cookie: z.string().max(4000).optional(),
    header: HeaderList.optional().describe('"name: value" strings or a name→value map'),
    status: z.int().min(100).max(599).optional(),
    contentType: z.string().max(200).optional(),
    setCookie: z.boolean().optional().describe('the response sets a cookie'),
  }),
]).check((ctx) => {
  // An example is a request the rules are tested with: its headers must be ones HTTP can carry.
  if (typeof ctx.value !== 'string') exampleHeaders(ctx.value, ctx.issues);
});

const ExampleList = z.array(ExampleSchema).max(MAX_LIST);

export const RuleSchema = z.strictObject({
  name: Name,
  description: Text.optional(),
  match: MatchSchema,
  cache: CacheSchema,
  bypass: z.array(Name).max(MAX_LIST).optional(),
  vary: z
    .array(z.string().min(1).max(200).check((ctx) => report(ctx.issues, varyName(ctx.value), ctx.value)))
    .max(MAX_LIST)
    .optional(),
  keys: z.array(z.string().min(1).max(500)).max(MAX_KEY_TEMPLATES).optional().describe('purge key templates: post:{slug}, topic:{post.meta.topic}'),
  examples: z.strictObject({ cached: ExampleList.optional(), bypassed: ExampleList.optional(), noStore: ExampleList.optional() }).optional(),
});

/**
 * The rules file: the one source of truth for its shape (types and `rules.schema.json` come from it).
 *
 * @example
 * RulesConfigSchema.safeParse({ version: 1, rules: [] }).success; // false: at least one rule
 */
export const RulesConfigSchema = z.strictObject({
  version: z.literal(1),
  post: z.strictObject({ path: List.describe('where a post lives: /posts/:slug, and its other representations: /posts/:slug.json') }).optional(),
  bypass: z.record(Name, BypassSchema).optional(),
  rules: z.array(RuleSchema).min(1).max(MAX_RULES),
});

/** The rules file as written (durations as text). */
export type RulesConfigInput = z.input<typeof RulesConfigSchema>;
/** The rules file once validated: durations in seconds, one-or-many fields as lists. */
export type RulesConfig = z.output<typeof RulesConfigSchema>;
export type RuleConfig = z.output<typeof RuleSchema>;
export type BypassConfig = z.output<typeof BypassSchema>;
/** One entry of a rule's `examples`: a URL, or a request (and its response's traits) that `runExamples` checks is decided as listed. */
export type ExampleConfig = z.output<typeof ExampleSchema>;
export type CacheConfig = z.output<typeof CacheSchema>;

/** The keys each object in the file may hold, for "unknown key" messages. */
export const ALLOWED_KEYS = {
  root: Object.keys(RulesConfigSchema.shape),
  post: ['path'],
  bypass: ['description', 'cookie', 'header', 'query'],
  rule: Object.keys(RuleSchema.shape),
  match: Object.keys(MatchSchema.shape),
  cache: Object.keys(CacheSchema.shape),
  examples: ['cached', 'bypassed', 'noStore'],
  example: ['url', 'method', 'cookie', 'header', 'status', 'contentType', 'setCookie'],
} as const;
