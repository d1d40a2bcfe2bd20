import { META_FIELDS, type MetaField, type SubField } from './meta-fields.ts';

// Candidates by first character, longest label first, so that a label that begins another label
// never claims its line and a line is compared with two or three labels, not twenty.
const BY_FIRST_CHAR = new Map<string, MetaField[]>();
for (const field of [...META_FIELDS].sort((a, b) => b.label.length - a.label.length)) {
  const first = field.label[0] as string;
  BY_FIRST_CHAR.set(first, [...(BY_FIRST_CHAR.get(first) ?? []), field]);
}

/** The known field whose label begins `line`, if any. */
export function fieldForLine(line: string): MetaField | undefined {
  const candidates = BY_FIRST_CHAR.get(line[0] as string);
  if (candidates) for (const field of candidates) if (line.startsWith(field.label)) return field;
  return undefined;
}

/**
 * The key of an object field whose label stands in `line` between `start` and `end`. Compares in
 * place against the field's few labels rather than slicing the label out and hashing it.
 */
export function subFieldAt(field: MetaField & { fields: readonly SubField[] }, line: string, start: number, end: number): SubField | undefined {
  for (const sub of field.fields) if (sub.label.length === end - start && line.startsWith(sub.label, start)) return sub;
  return undefined;
}

