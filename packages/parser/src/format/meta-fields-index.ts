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

const SUB_FIELDS = new Map<MetaField, Map<string, SubField>>();
for (const field of META_FIELDS) {
  if (field.kind === 'object' || field.kind === 'objects') SUB_FIELDS.set(field, new Map(field.fields.map((sub) => [sub.label, sub])));
}

/** The key of an object field written as `label`, if the field has one. */
export function subFieldFor(field: MetaField, label: string): SubField | undefined {
  return SUB_FIELDS.get(field)?.get(label);
}
