import type { PostMeta } from '../schema/meta-schema.ts';

/** How a value inside an object field is written: text as is, numbers as digits, flags as 0/1. */
export type ValueKind = 'text' | 'number' | 'flag' | 'date';

/**
 * One `key: value` bullet of an object field in `META_FIELDS` (`score`, `revision`…): its label in the
 * file, its key in the parsed object, and how its value is written.
 */
export interface SubField {
  readonly label: string;
  readonly key: string;
  readonly kind: ValueKind;
}

interface FieldBase {
  readonly label: string;
  readonly key: Exclude<keyof PostMeta, 'extra'>;
  readonly optional?: true;
}

/**
 * A meta field: `scalar` is glued to its label (`reading time10`); `list` has bullet lines;
 * `object` has `key: value` bullets; `objects` has deeper `key: value` bullets, a new object
 * starting where its first key comes again.
 */
export type MetaField =
  | (FieldBase & { readonly kind: 'scalar'; readonly value: 'text' | 'number' })
  | (FieldBase & { readonly kind: 'list' })
  | (FieldBase & { readonly kind: 'object' | 'objects'; readonly fields: readonly SubField[] });

const text = (label: string, key: string): SubField => ({ label, key, kind: 'text' });
const number = (label: string, key: string): SubField => ({ label, key, kind: 'number' });
const flag = (label: string, key: string): SubField => ({ label, key, kind: 'flag' });

/** Every field the format defines, in the order the format writes them. */
export const META_FIELDS: readonly MetaField[] = [
  { label: 'topic', key: 'topic', kind: 'scalar', value: 'text' },
  { label: 'summary', key: 'summary', kind: 'scalar', value: 'text' },
  {
    label: 'ai outline',
    key: 'aiOutline',
    kind: 'object',
    fields: [text('context', 'context'), text('problem', 'problem'), text('stack', 'stack'), text('recommended action', 'recommendedAction')],
  },
  { label: 'ai brief', key: 'aiBrief', kind: 'scalar', value: 'text' },
  { label: 'stack', key: 'stack', kind: 'list' },
  { label: 'tools', key: 'tools', kind: 'list' },
  { label: 'code language', key: 'codeLanguage', kind: 'scalar', value: 'text' },
  { label: 'difficulty', key: 'difficulty', kind: 'scalar', value: 'text' },
  { label: 'reading time', key: 'readingTime', kind: 'scalar', value: 'number' },
  { label: 'view count', key: 'viewCount', kind: 'scalar', value: 'number' },
  {
    label: 'score',
    key: 'score',
    kind: 'object',
    fields: [number('quality', 'quality'), number('freshness', 'freshness'), number('depth', 'depth'), number('clarity', 'clarity')],
  },
  {
    label: 'revision',
    key: 'revision',
    kind: 'object',
    fields: [text('status', 'status'), text('version', 'version'), { label: 'last reviewed', key: 'lastReviewed', kind: 'date' }],
  },
  { label: 'reference', key: 'reference', kind: 'scalar', value: 'text' },
  { label: 'hash', key: 'hash', kind: 'scalar', value: 'text' },
  {
    label: 'flags',
    key: 'flags',
    kind: 'object',
    fields: [
      flag('ai generated style', 'aiGeneratedStyle'),
      flag('has images', 'hasImages'),
      flag('image heavy', 'imageHeavy'),
      flag('needs human review', 'needsHumanReview'),
    ],
  },
  { label: 'checklist', key: 'checklist', kind: 'list' },
  { label: 'entities', key: 'entities', kind: 'objects', fields: [text('name', 'name'), text('type', 'type')] },
  {
    label: 'image sources',
    key: 'imageSources',
    kind: 'objects',
    optional: true,
    fields: [text('source', 'source'), text('url', 'url'), text('caption', 'caption')],
  },
  {
    label: 'payload',
    key: 'payload',
    kind: 'object',
    fields: [text('source id', 'sourceId'), text('generator', 'generator'), number('paragraphs', 'paragraphs'), text('scenario', 'scenario'), number('seed', 'seed')],
  },
  { label: 'notes', key: 'notes', kind: 'list' },
];
