import type { DiagnosticCode } from '../diagnostic.ts';
import { fieldForLine, subFieldAt } from '../format/meta-fields-index.ts';
import { META_FIELDS, type MetaField, type SubField, type ValueKind } from '../format/meta-fields.ts';
import { bulletDepth } from '../format/bullet.ts';
import { BULLET, DEEP_BULLET, KEY_VALUE_SEPARATOR } from '../format/markers.ts';
import { setOwn } from '../internal/set-own.ts';
import type { ExtraValue, PostMeta } from '../schema/meta-schema.ts';
import { quote, type DiagnosticsSink } from './diagnostics-sink.ts';
import type { Locations } from './locations.ts';
import { readValue } from './meta-values.ts';
import { readExtra } from './read-extra.ts';

const INVALID_CODE: Record<ValueKind, DiagnosticCode> = {
  text: 'invalid-number',
  number: 'invalid-number',
  flag: 'invalid-flag',
  date: 'invalid-date',
};

type ObjectField = MetaField & { fields: readonly SubField[] };

interface ObjectSpan {
  field: ObjectField;
  from: number;
  to: number;
  index: number | undefined;
}

interface Context {
  lines: readonly string[];
  sink: DiagnosticsSink;
  locations: Locations;
  /** Where each object's bullets are, so that the positions of its keys can be found if asked for. */
  spans: ObjectSpan[];
  /** The first line of the meta block, and the bullet depth of each of its lines, found once. */
  from: number;
  depths: Uint8Array;
}

/** Where the text of bullet line `at` starts. */
const indentAt = (ctx: Context, at: number): number => (ctx.depths[at - ctx.from] === 2 ? DEEP_BULLET.length : BULLET.length);

function keyOf(ctx: Context, at: number): string {
  const line = ctx.lines[at] as string;
  const indent = indentAt(ctx, at);
  const split = line.indexOf(KEY_VALUE_SEPARATOR, indent);
  return split < 0 ? line.slice(indent) : line.slice(indent, split);
}

/** Index of the first line at or after `from` that is not a bullet; records the depth of those that are. */
function bulletsEnd(ctx: Context, from: number, end: number): number {
  let at = from;
  for (; at < end; at++) {
    const depth = bulletDepth(ctx.lines[at] as string);
    if (depth === 0) break;
    ctx.depths[at - ctx.from] = depth;
  }
  return at;
}

// Paths and keys of objects are built only when a diagnostic or a reader of locations needs them.
/** `['meta', 'score']`, or `['meta', 'entities', 2, 'name']` for a key of the third entity. */
const pathOf = (field: MetaField, index: number | undefined, sub?: SubField): (string | number)[] => {
  const path: (string | number)[] = ['meta', field.key];
  if (index !== undefined) path.push(index);
  if (sub) path.push(sub.key);
  return path;
};

/** `meta.score`, or `meta.entities.2` for the third entity. */
const objectKey = (field: MetaField, index: number | undefined): string => (index === undefined ? `meta.${field.key}` : `meta.${field.key}.${index}`);

/**
 * Reads `key: value` bullets `[from, to)` into one object of `field` (the `index`th of a list of
 * objects, or the field's only one); `labelLine` is where missing keys are reported.
 */
function readObject(ctx: Context, field: ObjectField, from: number, to: number, index: number | undefined, labelLine: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  let reported: Set<string> | undefined;
  for (let at = from; at < to; at++) {
    const line = ctx.lines[at] as string;
    const indent = indentAt(ctx, at);
    const split = line.indexOf(KEY_VALUE_SEPARATOR, indent);
    if (split < 0) {
      ctx.sink.add('error', 'malformed-bullet', `expected "key: value" in "${field.label}", found ${quote(line.slice(indent))}`, at, indent + 1, pathOf(field, index));
      continue;
    }
    const sub = subFieldAt(field, line, indent, split);
    if (!sub) {
      const label = line.slice(indent, split);
      const known = field.fields.map((candidate) => candidate.label).join(', ');
      ctx.sink.add('error', 'unknown-key', `unknown key ${quote(label)} in "${field.label}"; expected one of: ${known}`, at, indent + 1, pathOf(field, index));
      continue;
    }
    if (object[sub.key] !== undefined || reported?.has(sub.key)) {
      ctx.sink.add('error', 'duplicate-key', `"${sub.label}" appears twice in one "${field.label}" entry; the first is kept`, at, indent + 1, pathOf(field, index, sub));
      continue;
    }
    const valueColumn = split + KEY_VALUE_SEPARATOR.length + 1;
    const raw = line.slice(split + KEY_VALUE_SEPARATOR.length);
    if (sub.kind === 'text') {
      object[sub.key] = raw;
      continue;
    }
    const result = readValue(sub.kind, raw);
    if (result.ok) object[sub.key] = result.value;
    else {
      (reported ??= new Set()).add(sub.key);
      ctx.sink.add('error', INVALID_CODE[sub.kind], `"${field.label} / ${sub.label}" must be ${result.expected}, found ${quote(raw)}`, at, valueColumn, pathOf(field, index, sub));
    }
  }
  ctx.spans.push({ field, from, to, index });
  for (const sub of field.fields) {
    if (object[sub.key] !== undefined || reported?.has(sub.key)) continue;
    const keys = field.fields.map((s) => s.label).join(', ');
    ctx.sink.add('error', 'missing-key', `"${field.label}" has no "${sub.label}: …" line; expected keys: ${keys}`, labelLine, 1, pathOf(field, index, sub));
  }
  return object;
}

/** Records where each object of a list starts, and where each known key's value starts in every object read. */
function recordObjects(ctx: Context): void {
  for (const { field, from, to, index } of ctx.spans) {
    if (index !== undefined) ctx.locations.set(`meta.${field.key}`, from, indentAt(ctx, from) + 1, index);
    recordSpan(ctx, field, from, to, objectKey(field, index));
  }
}

function recordSpan(ctx: Context, field: ObjectField, from: number, to: number, key: string): void {
  for (let at = from; at < to; at++) {
    const line = ctx.lines[at] as string;
    const indent = indentAt(ctx, at);
    const split = line.indexOf(KEY_VALUE_SEPARATOR, indent);
    const sub = split < 0 ? undefined : subFieldAt(field, line, indent, split);
    if (sub) ctx.locations.set(key, at, split + KEY_VALUE_SEPARATOR.length + 1, sub.key);
  }
}

/** Reads a list of objects: a new object starts where the first key of the first one comes again. */
function readObjects(ctx: Context, field: ObjectField, from: number, to: number, labelLine: number): unknown[] {
  const objects: unknown[] = [];
  if (from === to) return objects;
  const first = keyOf(ctx, from);
  let start = from;
  for (let at = from + 1; at <= to; at++) {
    if (at < to && keyOf(ctx, at) !== first) continue;
    const index = objects.length;
    objects.push(readObject(ctx, field, start, at, index, start === from ? labelLine : start));
    start = at;
  }
  return objects;
}

function checkDepth(ctx: Context, field: MetaField, from: number, to: number): void {
  const expected = field.kind === 'objects' ? 2 : 1;
  for (let at = from; at < to; at++) {
    if (ctx.depths[at - ctx.from] === expected) continue;
    const want = expected === 2 ? 'four spaces' : 'two spaces';
    ctx.sink.add('warning', 'malformed-bullet', `bullets of "${field.label}" are indented by ${want}; this one is not (read as if it were)`, at, 1, ['meta', field.key]);
  }
}

function readList(ctx: Context, from: number, to: number): string[] {
  const items = new Array<string>(to - from);
  for (let at = from; at < to; at++) items[at - from] = (ctx.lines[at] as string).slice(indentAt(ctx, at));
  return items;
}

/**
 * Reads the meta block, lines `[from, to)`. Every field is checked on its own; a bad value is
 * reported and left out, so the caller can still report everything else in the same pass.
 */
export function parseMeta(lines: readonly string[], from: number, to: number, sink: DiagnosticsSink, locations: Locations): Partial<PostMeta> {
  const ctx: Context = { lines, sink, locations, spans: [], from, depths: new Uint8Array(to - from) };
  const meta: Record<string, unknown> = {};
  let extra: Record<string, ExtraValue> | undefined;
  // Where each field's label is: for duplicate and missing fields now, for locations if asked.
  const seen = new Map<MetaField, number>();
  // Registered once here: a closure per object would put readObject's variables on the heap.
  locations.later(() => {
    for (const [field, at] of seen) locations.set('meta', at, field.label.length + 1, field.key);
    recordObjects(ctx);
  });
  let at = from;
  while (at < to) {
    const line = lines[at] as string;
    const end = bulletsEnd(ctx, at + 1, to);
    const first = line.charCodeAt(0);
    if (first === 32 || first === 9) {
      const message = bulletDepth(line) === 0
        ? `expected a field label at column 1 or a bullet ("${BULLET}" or "${DEEP_BULLET}"), found ${quote(line)}`
        : `a bullet line with no field label above it: ${quote(line.trim())}`;
      sink.add('error', bulletDepth(line) === 0 ? 'malformed-bullet' : 'orphan-bullet', message, at, 1, ['meta']);
      at = Math.max(end, at + 1);
      continue;
    }
    const field = fieldForLine(line);
    if (!field) {
      setOwn((extra ??= {}), line, readExtra(lines, at + 1, end));
      const labels = META_FIELDS.map((known) => known.label).join(', ');
      sink.add('warning', 'unknown-label', `unknown meta label in ${quote(line)}; expected a line starting with one of: ${labels}. Kept in meta.extra`, at, 1, ['meta', 'extra', line]);
      at = end;
      continue;
    }
    const firstSeen = seen.get(field);
    if (firstSeen !== undefined) {
      sink.add('error', 'duplicate-field', `"${field.label}" appears again (first on line ${firstSeen + 1}); the first is kept`, at, 1, ['meta', field.key]);
      at = end;
      continue;
    }
    seen.set(field, at);
    if (field.kind === 'scalar') {
      const raw = line.slice(field.label.length);
      const result = field.value === 'text' ? { ok: true as const, value: raw } : readValue(field.value, raw);
      if (result.ok) meta[field.key] = result.value;
      else sink.add('error', 'invalid-number', `"${field.label}" must be followed by ${result.expected}, found ${quote(raw)}`, at, field.label.length + 1, ['meta', field.key]);
      if (end > at + 1) sink.add('error', 'orphan-bullet', `"${field.label}" is a one-line field; the bullet lines below it belong to no field`, at + 1, 1, ['meta', field.key]);
      at = end;
      continue;
    }
    if (line.length !== field.label.length) {
      sink.add('error', 'label-not-alone', `"${field.label}" stands alone on its line with bullet lines below; found ${quote(line.slice(field.label.length))} after it`, at, field.label.length + 1, ['meta', field.key]);
    }
    checkDepth(ctx, field, at + 1, end);
    if (field.kind === 'list') meta[field.key] = readList(ctx, at + 1, end);
    else if (field.kind === 'object') meta[field.key] = readObject(ctx, field, at + 1, end, undefined, at);
    else meta[field.key] = readObjects(ctx, field, at + 1, end, at);
    at = end;
  }
  for (const field of META_FIELDS) {
    if (seen.has(field) || field.optional) continue;
    const hint = to === lines.length ? ' (the file ends inside the meta block: was it cut off?)' : '';
    sink.add('error', 'missing-field', `the meta block has no "${field.label}" field${hint}`, Math.max(to - 1, from), 1, ['meta', field.key]);
  }
  if (extra) meta.extra = extra;
  // Copied once: V8 keeps an object that took this many keyed stores as a hash table, which made
  // every later read of the meta (rendering, JSON.stringify: 40 vs 24 µs a post) slower. A spread
  // copy has fast properties, in the same order.
  return { ...meta } as Partial<PostMeta>;
}
