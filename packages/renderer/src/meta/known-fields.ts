import { META_FIELDS, type PostMeta, type SubField } from '@alphanode/parser';
import { escapeText } from '../html/escape.ts';
import { dateHtml, flagHtml, numberHtml } from './format-value.ts';
import { chipsHtml, rowOpens, scoreHtml, TABLE_OPEN, tableHead } from './meta-layout.ts';

/** The `dd` content of one known field, or undefined when the post lacks it. */
export type FieldRenderer = (meta: PostMeta, lang: string) => string | undefined;

const text = (value: unknown): string => escapeText(typeof value === 'string' ? value : String(value ?? ''));

function subFields(key: string): readonly SubField[] {
  const field = META_FIELDS.find((candidate) => candidate.key === key);
  if (field === undefined || (field.kind !== 'object' && field.kind !== 'objects')) throw new Error(`no object field ${key} in META_FIELDS`);
  return field.fields;
}

/** `<dt>label</dt><dd>` for each sub-field of `key`, in the format's order, from `META_FIELDS`. */
const opens = (key: string): string[] => subFields(key).map((sub) => `<dt>${escapeText(sub.label)}</dt><dd>`);

export function listHtml(items: unknown): string {
  const list = Array.isArray(items) ? (items as unknown[]) : [items];
  if (list.length === 0) return 'none';
  let out = '<ul>';
  for (const item of list) out += `<li>${text(item)}</li>`;
  return `${out}</ul>`;
}

const [outlineContext, outlineProblem, outlineStack, outlineAction] = rowOpens(subFields('aiOutline')) as [string, string, string, string];
const [scoreQuality, scoreFreshness, scoreDepth, scoreClarity] = opens('score') as [string, string, string, string];
const [revisionStatus, revisionVersion, revisionReviewed] = opens('revision') as [string, string, string];
const [flagStyle, flagImages, flagHeavy, flagReview] = opens('flags') as [string, string, string, string];
const ENTITIES_OPEN = `${TABLE_OPEN}${tableHead(subFields('entities'))}<tbody>`;
const [imageSource, imageUrl, imageCaption] = opens('imageSources') as [string, string, string];
const [payloadSource, payloadGenerator, payloadParagraphs, payloadScenario, payloadSeed] = opens('payload') as [string, string, string, string, string];

const scalar =
  (read: (meta: PostMeta) => unknown): FieldRenderer =>
  (meta) => {
    const value = read(meta);
    return value === undefined ? undefined : text(value);
  };

const records = <T>(items: readonly T[] | undefined, one: (item: T) => string): string | undefined => {
  if (items === undefined) return undefined;
  if (!Array.isArray(items) || items.length === 0) return 'none';
  let out = '<ul>';
  for (const item of items) out += `<li>${one(item ?? ({} as T))}</li>`;
  return `${out}</ul>`;
};

function entitiesHtml(items: PostMeta['entities'] | undefined): string | undefined {
  if (items === undefined) return undefined;
  if (!Array.isArray(items) || items.length === 0) return 'none';
  let out = ENTITIES_OPEN;
  for (const item of items) out += `<tr><td>${text(item?.name)}</td><td>${text(item?.type)}</td></tr>`;
  return `${out}</tbody></table>`;
}

/**
 * The known fields written out by hand: the same markup as the generic walk over `META_FIELDS`
 * (a test holds them equal on every corpus), with direct property reads, which V8 serves from
 * inline caches where the generic walk's `meta[key]` cannot. The meta box is a third of a render.
 */
export const KNOWN_FIELDS: ReadonlyMap<string, FieldRenderer> = new Map<string, FieldRenderer>([
  ['topic', scalar((m) => m.topic)],
  ['summary', scalar((m) => m.summary)],
  [
    'aiOutline',
    ({ aiOutline: o }) =>
      o === undefined
        ? undefined
        : `${TABLE_OPEN}<tbody>${outlineContext}${text(o.context)}</td></tr>${outlineProblem}${text(o.problem)}</td></tr>${outlineStack}${text(o.stack)}</td></tr>${outlineAction}${text(o.recommendedAction)}</td></tr></tbody></table>`,
  ],
  ['aiBrief', scalar((m) => m.aiBrief)],
  ['stack', (m) => (m.stack === undefined ? undefined : chipsHtml(m.stack))],
  ['tools', (m) => (m.tools === undefined ? undefined : chipsHtml(m.tools))],
  ['codeLanguage', scalar((m) => m.codeLanguage)],
  ['difficulty', scalar((m) => m.difficulty)],
  ['readingTime', (m, lang) => (m.readingTime === undefined ? undefined : numberHtml(m.readingTime, lang))],
  ['viewCount', (m, lang) => (m.viewCount === undefined ? undefined : numberHtml(m.viewCount, lang))],
  [
    'score',
    ({ score: s }, lang) =>
      s === undefined
        ? undefined
        : `<dl class="scores">${scoreQuality}${scoreHtml(s.quality, lang)}</dd>${scoreFreshness}${scoreHtml(s.freshness, lang)}</dd>${scoreDepth}${scoreHtml(s.depth, lang)}</dd>${scoreClarity}${scoreHtml(s.clarity, lang)}</dd></dl>`,
  ],
  [
    'revision',
    ({ revision: r }) =>
      r === undefined ? undefined : `<dl>${revisionStatus}${text(r.status)}</dd>${revisionVersion}${text(r.version)}</dd>${revisionReviewed}${dateHtml(r.lastReviewed)}</dd></dl>`,
  ],
  ['reference', scalar((m) => m.reference)],
  ['hash', scalar((m) => m.hash)],
  [
    'flags',
    ({ flags: f }) =>
      f === undefined
        ? undefined
        : `<dl>${flagStyle}${flagHtml(f.aiGeneratedStyle)}</dd>${flagImages}${flagHtml(f.hasImages)}</dd>${flagHeavy}${flagHtml(f.imageHeavy)}</dd>${flagReview}${flagHtml(f.needsHumanReview)}</dd></dl>`,
  ],
  ['checklist', (m) => (m.checklist === undefined ? undefined : listHtml(m.checklist))],
  ['entities', (m) => entitiesHtml(m.entities)],
  [
    'imageSources',
    (m) => records(m.imageSources, (i) => `<dl>${imageSource}${text(i.source)}</dd>${imageUrl}${text(i.url)}</dd>${imageCaption}${text(i.caption)}</dd></dl>`),
  ],
  [
    'payload',
    ({ payload: p }, lang) =>
      p === undefined
        ? undefined
        : `<dl>${payloadSource}${text(p.sourceId)}</dd>${payloadGenerator}${text(p.generator)}</dd>${payloadParagraphs}${numberHtml(p.paragraphs, lang)}</dd>${payloadScenario}${text(p.scenario)}</dd>${payloadSeed}${numberHtml(p.seed, lang)}</dd></dl>`,
  ],
  ['notes', (m) => (m.notes === undefined ? undefined : listHtml(m.notes))],
]);
