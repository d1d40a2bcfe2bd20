import { META_FIELDS, type ExtraValue, type MetaField, type PostMeta, type SubField } from '@alphanode/parser';
import { escapeHtml, escapeText } from '../html/escape.ts';
import { dateHtml, flagHtml, numberHtml } from './format-value.ts';
import { KNOWN_FIELDS, listHtml, type FieldRenderer } from './known-fields.ts';
import { chipsHtml, isFolded, presentationOf, rowOpens, scoreHtml, TABLE_OPEN, tableHead, type MetaPresentation } from './meta-layout.ts';

/** One rendered row: the label as the format writes it, and the `dd` content. */
export interface MetaRow {
  label: string;
  key: string;
  value: string;
}

// Labels are the format's constants: their markup is written once, not escaped on every render.
const dtDd = (label: string): string => `<dt>${escapeHtml(label)}</dt><dd>`;
const SUB_OPEN = new Map<readonly SubField[], string[]>(
  META_FIELDS.flatMap((field) => (field.kind === 'object' || field.kind === 'objects' ? [[field.fields, field.fields.map((sub) => dtDd(sub.label))] as const] : [])),
);
// Fixed class names from the format's keys (`viewCount` → `meta-view-count`) so a stylesheet can
// reach one field; extra fields share one class, as their labels come from the post.
const ROW_OPEN = new Map<string, string>(
  META_FIELDS.map((field) => [field.key, `<div class="meta-${field.key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}">${dtDd(field.label)}`]),
);

function subValue(field: SubField, value: unknown, lang: string, bars: boolean): string {
  switch (field.kind) {
    case 'number':
      return bars ? scoreHtml(value, lang) : numberHtml(value, lang);
    case 'flag':
      return flagHtml(value);
    case 'date':
      return dateHtml(value);
    case 'text':
      return escapeText(String(value ?? ''));
  }
}

function objectHtml(fields: readonly SubField[], record: Record<string, unknown> | undefined, lang: string, shown: MetaPresentation | undefined): string {
  const table = shown === 'table';
  const open = table ? rowOpens(fields) : (SUB_OPEN.get(fields) as string[]);
  let out = table ? `${TABLE_OPEN}<tbody>` : shown === 'bars' ? '<dl class="scores">' : '<dl>';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as SubField;
    out += `${open[i] as string}${subValue(field, record?.[field.key], lang, shown === 'bars')}${table ? '</td></tr>' : '</dd>'}`;
  }
  return `${out}${table ? '</tbody></table>' : '</dl>'}`;
}

/** A list of objects as a table: a head row of the sub-fields' labels, then one row per object. */
function objectsTableHtml(fields: readonly SubField[], records: readonly Record<string, unknown>[], lang: string): string {
  let out = `${TABLE_OPEN}${tableHead(fields)}<tbody>`;
  for (const record of records) {
    out += '<tr>';
    for (const field of fields) out += `<td>${subValue(field, record?.[field.key], lang, false)}</td>`;
    out += '</tr>';
  }
  return `${out}</tbody></table>`;
}

function recordHtml(record: Readonly<Record<string, string>>): string {
  let out = '<dl>';
  for (const key of Object.keys(record)) out += `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(String(record[key]))}</dd>`;
  return `${out}</dl>`;
}

function extraHtml(value: ExtraValue): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (!Array.isArray(value)) return recordHtml(value);
  if (value.every((item) => typeof item === 'string')) return listHtml(value as string[]);
  let out = '<ul>';
  for (const item of value) out += `<li>${typeof item === 'string' ? escapeHtml(item) : recordHtml(item)}</li>`;
  return `${out}</ul>`;
}

function fieldHtml(field: MetaField, value: unknown, lang: string): string {
  const shown = presentationOf(field.key);
  switch (field.kind) {
    case 'scalar':
      return field.value === 'number' ? numberHtml(value, lang) : escapeText(String(value));
    case 'list':
      return shown === 'chips' ? chipsHtml(value) : listHtml(value);
    case 'object':
      return objectHtml(field.fields, value as Record<string, unknown>, lang, shown);
    case 'objects': {
      const records = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      if (records.length === 0) return 'none';
      if (shown === 'table') return objectsTableHtml(field.fields, records, lang);
      let out = '<ul>';
      for (const record of records) out += `<li>${objectHtml(field.fields, record, lang, shown)}</li>`;
      return `${out}</ul>`;
    }
  }
}

// The hand-written renderer of each field, where there is one; a field META_FIELDS gains later
// takes the generic walk until it has one.
const RENDERERS: readonly (FieldRenderer | undefined)[] = META_FIELDS.map((field) => KNOWN_FIELDS.get(field.key));

/**
 * Every meta field in the format's order, labelled as the format labels it: text as text, numbers
 * grouped in `<data>`, lists as `ul`, objects as nested `dl`, lists of objects as a `ul` of `dl`,
 * flags as yes/no, dates in `<time>`. Fields the parser did not know (`extra`) follow, under their
 * own labels. An optional field that is absent is left out. `known` false takes the generic walk
 * for every field (the reference the hand-written renderers are tested against).
 */
export function metaRows(meta: PostMeta, lang: string, known: boolean = true): MetaRow[] {
  const rows: MetaRow[] = [];
  const values = meta as unknown as Record<string, unknown>;
  for (let i = 0; i < META_FIELDS.length; i++) {
    const field = META_FIELDS[i] as MetaField;
    const render = known ? RENDERERS[i] : undefined;
    let html: string | undefined;
    if (render !== undefined) html = render(meta, lang);
    else {
      const value = values[field.key];
      if (value !== undefined) html = fieldHtml(field, value, lang);
    }
    if (html !== undefined) rows.push({ label: field.label, key: field.key, value: html });
  }
  if (meta.extra !== undefined) {
    for (const label of Object.keys(meta.extra)) rows.push({ label, key: `extra.${label}`, value: extraHtml(meta.extra[label] as ExtraValue) });
  }
  return rows;
}

/**
 * The meta box around its rows: an `aside` labelled by its heading, then one `div` per field in a
 * `dl`: the fields a reader scans for open, the rest in a `details` fold (left out when empty).
 */
export function metaBoxHtml(rows: readonly MetaRow[], title: string): string {
  let open = '';
  let folded = '';
  for (const row of rows) {
    const item = `${ROW_OPEN.get(row.key) ?? `<div class="meta-extra">${dtDd(row.label)}`}${row.value}</dd></div>\n`;
    if (isFolded(row.key)) folded += item;
    else open += item;
  }
  const fold = folded === '' ? '' : `<details class="meta-more">\n<summary>More details</summary>\n<dl>\n${folded}</dl>\n</details>\n`;
  return `<aside class="post-meta" aria-labelledby="post-meta-title">\n<h2 id="post-meta-title">${escapeHtml(title)}</h2>\n${open === '' ? '' : `<dl>\n${open}</dl>\n`}${fold}</aside>\n`;
}
