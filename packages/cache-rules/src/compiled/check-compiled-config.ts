import { parseSeconds } from '../config/duration.ts';
import { cookieName, exampleHeaders, headerValue, hostPattern, mediaRange, method, readHeaderName, varyName } from '../config/field-checks.ts';
import { MAX_KEY_TEMPLATES, MAX_LIST, MAX_RULES, NAME_PATTERN, NAME_RULE } from '../config/limits.ts';
import type { RulesConfig } from '../config/rules-schema.ts';
import type { RulesDiagnosticCode } from '../diagnostic.ts';
import { COMPILED_KEYS } from './compiled-rules-json.ts';
import { described, flag, list, mapping, push, text, textList, whole, type Out, type Path } from './shape-checks.ts';

/*
 * The shape of a compiled config (the rules schema's output: durations in seconds, lists as
 * lists), checked without zod. The schema ran when the document was compiled; this catches a
 * document edited by hand, cut short or written by another version, and runs the same field checks
 * on every string that reaches HTTP. What needs compiling (patterns, key templates, bypass names)
 * is checked by the build step that follows, as for a YAML file.
 */

function name(out: Out, value: unknown, path: Path): void {
  text(out, value, path, 1, 100, (found) => (NAME_PATTERN.test(found) ? undefined : { code: 'invalid-value', message: `${NAME_RULE}; found ${described(found)}` }));
}

function duration(out: Out, value: unknown, path: Path): void {
  if (value === undefined) return;
  // Compiled durations are seconds; text such as "1h" is the YAML form, which compileRules reads.
  const result = typeof value === 'number' ? parseSeconds(value) : { ok: false as const, message: `expected a number of seconds; found ${described(value)}` };
  if (!result.ok) push(out, 'invalid-duration', result.message, path);
}

function checkBypass(out: Out, value: unknown, path: Path): void {
  const condition = mapping(out, value, path, COMPILED_KEYS.bypass);
  if (!condition) return;
  if (condition.description !== undefined) text(out, condition.description, [...path, 'description'], 0, 2000);
  if (condition.cookie !== undefined) textList(out, condition.cookie, [...path, 'cookie'], { max: MAX_LIST, itemMax: 200, check: cookieName });
  if (condition.header !== undefined) textList(out, condition.header, [...path, 'header'], { max: MAX_LIST, itemMax: 200, check: readHeaderName });
  if (condition.query !== undefined) textList(out, condition.query, [...path, 'query'], { max: MAX_LIST, itemMax: 200 });
  if (condition.cookie === undefined && condition.header === undefined && condition.query === undefined) push(out, 'missing-key', 'a bypass condition needs at least one of cookie, header or query', path);
}

function checkMatch(out: Out, value: unknown, path: Path): void {
  const match = mapping(out, value, path, COMPILED_KEYS.match, ['path']);
  if (!match) return;
  textList(out, match.path, [...path, 'path'], { max: MAX_LIST, itemMax: 200 });
  if (match.method !== undefined) textList(out, match.method, [...path, 'method'], { max: MAX_LIST, itemMax: 200, check: method });
  if (match.host !== undefined) textList(out, match.host, [...path, 'host'], { max: MAX_LIST, itemMax: 200, check: hostPattern });
  if (match.contentType !== undefined) textList(out, match.contentType, [...path, 'contentType'], { max: MAX_LIST, itemMax: 200, check: mediaRange });
  if (match.header !== undefined) {
    for (const [header, wanted] of Object.entries(mapping(out, match.header, [...path, 'header']) ?? {})) {
      text(out, header, [...path, 'header', header], 1, 200, readHeaderName);
      if (wanted !== true) text(out, wanted, [...path, 'header', header], 0, 1000, headerValue);
    }
  }
  if (typeof match.status === 'number') whole(out, match.status, [...path, 'status'], 100, 599);
  else if (match.status !== undefined) list(out, match.status, [...path, 'status'], 1, MAX_LIST)?.forEach((status, index) => whole(out, status, [...path, 'status', index], 100, 599));
}

function checkCache(out: Out, value: unknown, path: Path): void {
  const cache = mapping(out, value, path, COMPILED_KEYS.cache);
  if (!cache) return;
  for (const key of ['edge', 'browser', 'staleWhileRevalidate', 'staleIfError'] as const) duration(out, cache[key], [...path, key]);
  for (const key of ['immutable', 'private', 'noStore'] as const) if (cache[key] !== undefined) flag(out, cache[key], [...path, key]);
}

function checkExampleHeaders(out: Out, header: unknown, path: Path): void {
  if (Array.isArray(header)) list(out, header, path, 0, MAX_LIST)?.forEach((line, index) => text(out, line, [...path, index], 0, 2000));
  else for (const [key, line] of Object.entries(mapping(out, header, path) ?? {})) if (text(out, key, [...path, key], 0, 200)) text(out, line, [...path, key], 0, 2000);
}

function checkExample(out: Out, value: unknown, path: Path): void {
  if (typeof value === 'string') {
    text(out, value, path, 1, 4000);
    return;
  }
  const example = mapping(out, value, path, COMPILED_KEYS.example, ['url']);
  if (!example) return;
  const before = out.length;
  text(out, example.url, [...path, 'url'], 1, 4000);
  if (example.method !== undefined) text(out, example.method, [...path, 'method'], 0, 20);
  if (example.cookie !== undefined) text(out, example.cookie, [...path, 'cookie'], 0, 4000);
  if (example.contentType !== undefined) text(out, example.contentType, [...path, 'contentType'], 0, 200);
  if (example.status !== undefined) whole(out, example.status, [...path, 'status'], 100, 599);
  if (example.setCookie !== undefined) flag(out, example.setCookie, [...path, 'setCookie']);
  if (example.header !== undefined) checkExampleHeaders(out, example.header, [...path, 'header']);
  if (out.length > before) return;
  // The shape holds, so the schema's own check of the headers an example sends can run as is.
  const issues: Parameters<typeof exampleHeaders>[1] = [];
  exampleHeaders(example as Parameters<typeof exampleHeaders>[0], issues);
  for (const issue of issues) {
    const code = (issue as { params?: { ruleCode?: RulesDiagnosticCode } }).params?.ruleCode ?? 'invalid-value';
    push(out, code, issue.message ?? 'not a header an example can send', [...path, ...(issue.path as Path)]);
  }
}

function checkRule(out: Out, value: unknown, path: Path): void {
  const rule = mapping(out, value, path, COMPILED_KEYS.rule, ['name', 'match', 'cache']);
  if (!rule) return;
  name(out, rule.name, [...path, 'name']);
  if (rule.description !== undefined) text(out, rule.description, [...path, 'description'], 0, 2000);
  checkMatch(out, rule.match, [...path, 'match']);
  checkCache(out, rule.cache, [...path, 'cache']);
  if (rule.bypass !== undefined) list(out, rule.bypass, [...path, 'bypass'], 0, MAX_LIST)?.forEach((entry, index) => name(out, entry, [...path, 'bypass', index]));
  if (rule.vary !== undefined) textList(out, rule.vary, [...path, 'vary'], { min: 0, max: MAX_LIST, itemMax: 200, check: varyName });
  if (rule.keys !== undefined) textList(out, rule.keys, [...path, 'keys'], { min: 0, max: MAX_KEY_TEMPLATES, itemMax: 500 });
  if (rule.examples === undefined) return;
  const examples = mapping(out, rule.examples, [...path, 'examples'], COMPILED_KEYS.examples);
  for (const kind of COMPILED_KEYS.examples) {
    if (examples?.[kind] === undefined) continue;
    list(out, examples[kind], [...path, 'examples', kind], 0, MAX_LIST)?.forEach((example, index) => checkExample(out, example, [...path, 'examples', kind, index]));
  }
}

/**
 * Checks a compiled config's shape, pushing a path-only diagnostic (under `config`) per problem.
 * The config comes back typed only when there is none, so the build step never reads a value of
 * the wrong type.
 */
export function checkCompiledConfig(value: unknown, out: Out): RulesConfig | undefined {
  const before = out.length;
  const path: Path = ['config'];
  const config = mapping(out, value, path, COMPILED_KEYS.root, ['version', 'rules']);
  if (!config) return undefined;
  if (config.version !== undefined && config.version !== 1) push(out, 'invalid-value', `expected version 1; found ${described(config.version)}`, [...path, 'version']);
  if (config.post !== undefined) {
    const post = mapping(out, config.post, [...path, 'post'], COMPILED_KEYS.post, ['path']);
    if (post) textList(out, post.path, [...path, 'post', 'path'], { max: MAX_LIST, itemMax: 200 });
  }
  if (config.bypass !== undefined) {
    for (const [key, condition] of Object.entries(mapping(out, config.bypass, [...path, 'bypass']) ?? {})) {
      name(out, key, [...path, 'bypass', key]);
      checkBypass(out, condition, [...path, 'bypass', key]);
    }
  }
  if (config.rules !== undefined) list(out, config.rules, [...path, 'rules'], 1, MAX_RULES)?.forEach((rule, index) => checkRule(out, rule, [...path, 'rules', index]));
  return out.length === before ? (config as RulesConfig) : undefined;
}
