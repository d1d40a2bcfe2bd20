import type { SubField } from '@alphanode/parser';
import { escapeHtml, escapeText } from '../html/escape.ts';
import { numberHtml } from './format-value.ts';

/** How the default meta box shows a field, beyond what its kind says. */
export type MetaPresentation = 'chips' | 'bars' | 'table';

// What a reader scans for (what the post is about, its tags, how it scores) gets a compact form;
// everything else keeps the plain form its kind gives. Keyed by the format's keys, so the
// hand-written renderers and the generic walk read the same table.
const PRESENTATION: ReadonlyMap<string, MetaPresentation> = new Map<string, MetaPresentation>([
  ['aiOutline', 'table'],
  ['stack', 'chips'],
  ['tools', 'chips'],
  ['score', 'bars'],
  ['entities', 'table'],
]);

/** How the default meta box shows the field `key`; undefined for the plain form of its kind. */
export const presentationOf = (key: string): MetaPresentation | undefined => PRESENTATION.get(key);

// Shown open; every other field (and every field the parser did not know) goes in the fold, where
// the record stays complete without standing between the reader and the similar posts.
const OPEN_FIELDS: ReadonlySet<string> = new Set(['topic', 'summary', 'aiOutline', 'stack', 'tools', 'difficulty', 'score', 'entities']);

/** Whether the default meta box puts the field `key` in its `details` fold rather than open. */
export const isFolded = (key: string): boolean => !OPEN_FIELDS.has(key);

const text = (value: unknown): string => escapeText(typeof value === 'string' ? value : String(value ?? ''));

/** A list as chips: the same `ul`, with a class the theme lays out as tags. */
export function chipsHtml(items: unknown): string {
  const list = Array.isArray(items) ? (items as unknown[]) : [items];
  if (list.length === 0) return 'none';
  let out = '<ul class="chips">';
  for (const item of list) out += `<li>${text(item)}</li>`;
  return `${out}</ul>`;
}

/**
 * A score as its number and, for a whole number from 0 to 100, a `<meter>` the theme draws as a
 * bar. The bar is hidden from assistive technology, which reads the number beside it. No `style`
 * attribute: the value goes in `value`, written only after the integer test, so post text never
 * reaches an attribute here and a Content-Security-Policy without `unsafe-inline` styles still
 * shows the bar. Outside 0–100 a meter would clamp and misstate the score, so there is none.
 */
export function scoreHtml(value: unknown, lang: string): string {
  const number = numberHtml(value, lang);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) return number;
  return `<meter min="0" max="100" value="${value}" aria-hidden="true"></meter> ${number}`;
}

/** `<tr><th scope="row">label</th><td>` for each sub-field: one object as a two-column table. */
export const rowOpens = (fields: readonly SubField[]): string[] => fields.map((sub) => `<tr><th scope="row">${escapeHtml(sub.label)}</th><td>`);

/** The head row of a table of objects, one column per sub-field. */
export function tableHead(fields: readonly SubField[]): string {
  let out = '<thead><tr>';
  for (const sub of fields) out += `<th scope="col">${escapeHtml(sub.label)}</th>`;
  return `${out}</tr></thead>`;
}

/** The opening of a compact table in the meta box. */
export const TABLE_OPEN = '<table class="meta-table">';
