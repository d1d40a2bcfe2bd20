import { setOwn } from '../internal/set-own.ts';
import { KEY_VALUE_SEPARATOR } from './markers.ts';

/**
 * Whether bullet items under an unknown label read as one object: every item `key: value` with a
 * non-empty key, no key twice. The parser reads them so; the schema rejects a text list that would
 * be read so. An item `: value` has no key to write back, so it keeps the list as text.
 */
export function looksLikeRecord(items: readonly string[]): boolean {
  const keys = new Set<string>();
  for (const item of items) {
    const at = item.indexOf(KEY_VALUE_SEPARATOR);
    if (at <= 0 || keys.has(item.slice(0, at))) return false;
    keys.add(item.slice(0, at));
  }
  return true;
}

/** Splits `key: value` items into an object; call only where `looksLikeRecord` holds. */
export function toRecord(items: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const item of items) {
    const at = item.indexOf(KEY_VALUE_SEPARATOR);
    setOwn(record, item.slice(0, at), item.slice(at + KEY_VALUE_SEPARATOR.length));
  }
  return record;
}
