import { META_FIELDS, type SubField } from '../format/meta-fields.ts';
import { BULLET, DEEP_BULLET, KEY_VALUE_SEPARATOR } from '../format/markers.ts';
import type { ExtraValue, PostMeta } from '../schema/meta-schema.ts';

function writeValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

function writeObject(lines: string[], bullet: string, fields: readonly SubField[], object: Record<string, unknown>): void {
  for (const sub of fields) lines.push(bullet + sub.label + KEY_VALUE_SEPARATOR + writeValue(object[sub.key]));
}

// Own keys only (Object.keys, not for...in): a field inherited from a prototype is not the post's.
function writeRecord(lines: string[], bullet: string, record: Record<string, string>): void {
  for (const key of Object.keys(record)) lines.push(bullet + key + KEY_VALUE_SEPARATOR + record[key]);
}

function writeExtra(lines: string[], label: string, value: ExtraValue): void {
  if (typeof value === 'string') {
    lines.push(label + value);
    return;
  }
  lines.push(label);
  if (!Array.isArray(value)) writeRecord(lines, BULLET, value);
  else {
    for (const item of value) {
      if (typeof item === 'string') lines.push(BULLET + item);
      else writeRecord(lines, DEEP_BULLET, item);
    }
  }
}

/** Appends the meta block's lines (without the `alphanode post meta` line) in the format's field order. */
export function writeMeta(lines: string[], meta: PostMeta): void {
  const values = meta as unknown as Record<string, unknown>;
  for (const field of META_FIELDS) {
    const value = values[field.key];
    if (value === undefined && field.optional) continue;
    switch (field.kind) {
      case 'scalar':
        lines.push(field.label + writeValue(value));
        break;
      case 'list':
        lines.push(field.label);
        for (const item of value as string[]) lines.push(BULLET + item);
        break;
      case 'object':
        lines.push(field.label);
        writeObject(lines, BULLET, field.fields, value as Record<string, unknown>);
        break;
      case 'objects':
        lines.push(field.label);
        for (const object of value as Record<string, unknown>[]) writeObject(lines, DEEP_BULLET, field.fields, object);
        break;
    }
  }
  const extra = meta.extra;
  if (extra) for (const label of Object.keys(extra)) writeExtra(lines, label, extra[label] as ExtraValue);
}
