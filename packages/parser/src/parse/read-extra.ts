import { looksLikeRecord, toRecord } from '../format/extra-shape.ts';
import { bulletDepth, bulletIndent } from '../format/bullet.ts';
import { KEY_VALUE_SEPARATOR } from '../format/markers.ts';
import type { ExtraValue } from '../schema/meta-schema.ts';

/**
 * Reads the bullets `[from, to)` under an unknown label, guessing the shape from the bullets alone:
 * deep bullets are a list of objects, `key: value` bullets one object, anything else a text list.
 * With no bullets the label line was a glued scalar that cannot be split, so it is kept whole as
 * the key with an empty value.
 */
export function readExtra(lines: readonly string[], from: number, to: number): ExtraValue {
  if (from === to) return '';
  const deep = lines.slice(from, to).some((line) => bulletDepth(line) === 2);
  const items = lines.slice(from, to).map((line) => line.slice(bulletIndent(line)));
  if (!deep) return looksLikeRecord(items) ? toRecord(items) : items;
  // A list of objects only when every bullet is `key: value` and no object holds a key twice;
  // otherwise the bullets are kept as text so that nothing is lost.
  if (!looksLikeRecord([items[0] as string])) return items;
  const first = (items[0] as string).slice(0, (items[0] as string).indexOf(KEY_VALUE_SEPARATOR));
  const groups: string[][] = [];
  for (const item of items) {
    if (item.startsWith(first + KEY_VALUE_SEPARATOR) || groups.length === 0) groups.push([]);
    (groups[groups.length - 1] as string[]).push(item);
  }
  return groups.every(looksLikeRecord) ? groups.map(toRecord) : items;
}
