import type { z } from 'zod';
import { shown, type RulesDiagnosticCode, type RulesDiagnostic } from '../diagnostic.ts';
import { ALLOWED_KEYS, RulesConfigSchema, type RulesConfig } from './rules-schema.ts';
import type { ConfigPath, RulesSource } from './source-map.ts';

const DURATION_FIELDS = new Set(['edge', 'browser', 'staleWhileRevalidate', 'staleIfError']);

// One-or-many fields, and what each holds, for "expected ..." messages.
const LIST_FIELDS: Record<string, string> = {
  path: 'a path pattern or a list of them',
  method: 'a method or a list of them',
  host: 'a host name or a list of them',
  contentType: 'a media type or a list of them',
  cookie: 'a cookie name or a list of them',
  header: 'a header name or a list of them',
  query: 'a query parameter name or a list of them',
  status: 'a status code or a list of them',
};

type Where = keyof typeof ALLOWED_KEYS;

/** Which object a path points at, by its shape: `['rules', 3, 'cache']` is a rule's cache block. */
function objectAt(path: ConfigPath): Where | undefined {
  const [first, second, third, fourth] = path;
  if (path.length === 0) return 'root';
  if (first === 'post' && path.length === 1) return 'post';
  if (first === 'bypass' && path.length === 2) return 'bypass';
  if (first !== 'rules' || typeof second !== 'number') return undefined;
  if (path.length === 2) return 'rule';
  if (path.length === 3 && (third === 'match' || third === 'cache' || third === 'examples')) return third;
  if (third === 'examples' && path.length === 5 && typeof path[4] === 'number' && typeof fourth === 'string') return 'example';
  return undefined;
}

function typeOf(value: unknown): string {
  if (value == null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value === 'string' ? `string ${shown(value, 30)}` : `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: ConfigPath): unknown {
  let node = root;
  for (const step of path) node = node != null && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined;
  return node;
}

function ruleCodeOf(issue: z.core.$ZodIssue): RulesDiagnosticCode | undefined {
  return (issue as { params?: { ruleCode?: RulesDiagnosticCode } }).params?.ruleCode;
}

function toDiagnostics(issue: z.core.$ZodIssue, source: RulesSource): RulesDiagnostic[] {
  const path = issue.path.filter((step): step is string | number => typeof step !== 'symbol');
  const rule = path[0] === 'rules' && typeof path[1] === 'number' ? valueAt(source.value, ['rules', path[1], 'name']) : undefined;
  const about = typeof rule === 'string' ? { rule } : {};
  const make = (code: RulesDiagnosticCode, message: string, at: ConfigPath = path, key = false): RulesDiagnostic =>
    source.position({ code, severity: 'error', message, path: [...at], ...about }, key);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const where = objectAt(path);
      const allowed = where ? ` (allowed here: ${ALLOWED_KEYS[where].join(', ')})` : '';
      return issue.keys.map((key) => make('unknown-key', `unknown key ${shown(key, 40)}${allowed}`, [...path, key], true));
    }
    case 'invalid_type': {
      const found = valueAt(source.value, path);
      if (found === undefined) return [make('missing-key', `missing ${shown(path.at(-1) ?? 'value')}: expected ${issue.expected}`, path.slice(0, -1))];
      return [make('invalid-type', `expected ${issue.expected}; found ${typeOf(found)}`)];
    }
    case 'too_big':
      if (issue.origin === 'array') return [make('too-many', `at most ${issue.maximum} entries allowed here; found ${(valueAt(source.value, path) as unknown[]).length}`, path, true)];
      return [make('invalid-value', issue.message)];
    case 'custom':
      return [make(ruleCodeOf(issue) ?? 'invalid-value', issue.message)];
    case 'invalid_key': {
      // A mapping key (a match.header name) that fails its check: reported at the key itself.
      const inner = issue.issues.find((sub) => sub.code === 'custom');
      if (inner) return [make(ruleCodeOf(inner) ?? 'invalid-value', inner.message, path, true)];
      return [make('invalid-value', `the key ${shown(path.at(-1) ?? '', 40)} is not allowed here: ${issue.issues[0]?.message ?? issue.message}`, path, true)];
    }
    case 'invalid_union': {
      const found = valueAt(source.value, path);
      // A union's own message is vague; a duration or name list failing on type says what it wanted.
      const inner = issue.errors.flat().find((sub) => sub.code === 'custom');
      if (inner) return [make(ruleCodeOf(inner) ?? 'invalid-duration', inner.message)];
      if (DURATION_FIELDS.has(String(path.at(-1)))) return [make('invalid-duration', `expected a duration such as 30s, 5m, 1h, 1d, 1w, 1y, or whole seconds; found ${typeOf(found)}`)];
      return [make('invalid-type', `expected ${LIST_FIELDS[String(path.at(-1))] ?? 'a value of another shape'}; found ${typeOf(found)}`)];
    }
    default:
      return [make('invalid-value', `${issue.message}; found ${typeOf(valueAt(source.value, path))}`)];
  }
}

export type ValidateResult = { ok: true; config: RulesConfig; diagnostics: RulesDiagnostic[] } | { ok: false; diagnostics: RulesDiagnostic[] };

/** Checks the config against the schema, reporting every problem at once, each at its YAML position. */
export function validateConfig(source: RulesSource): ValidateResult {
  const parsed = RulesConfigSchema.safeParse(source.value);
  if (parsed.success) return { ok: true, config: parsed.data, diagnostics: [] };
  const diagnostics = parsed.error.issues.flatMap((issue) => toDiagnostics(issue, source));
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, diagnostics };
}
