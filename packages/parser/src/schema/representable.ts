import { classifyLoneLine } from '../format/classify-line.ts';
import { looksLikeRecord } from '../format/extra-shape.ts';
import { fieldForLine } from '../format/meta-fields-index.ts';
import { BREADCRUMB, BULLET, IMAGE_SOURCE_SEPARATOR, KEY_VALUE_SEPARATOR, META_MARKER } from '../format/markers.ts';
import type { Block } from './block-schema.ts';
import type { ExtraValue, PostMeta } from './meta-schema.ts';

export interface RepresentabilityIssue {
  path: (string | number)[];
  message: string;
}

interface PostShape {
  title: string;
  body: Block[];
  meta: PostMeta;
  layout?: { breadcrumb?: false | undefined } | undefined;
}

function codeIssues(code: string, language: string): string | undefined {
  const lines = code.split('\n');
  if (lines[0] === '' || lines[lines.length - 1] === '') return 'code must not begin or end with a blank line: blank lines separate blocks';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.includes('\r')) return 'code lines end with \\n only';
    // Only the two-space bullet starts a list in the body; a `    • ` line is code like any indented line.
    if (line.startsWith(BULLET)) return `line ${i + 1} of the code would read as a list item`;
    if (line === META_MARKER) return `line ${i + 1} of the code would read as the start of the meta block`;
    const next = lines[i + 1];
    if (line !== '' && next?.startsWith(line + IMAGE_SOURCE_SEPARATOR)) return `lines ${i + 1}-${i + 2} of the code would read as an image`;
    const lone = line !== '' && (i === 0 || lines[i - 1] === '') && (next === undefined || next === '');
    // Past the first line the block is open, so a lone line must carry strong code evidence to stay in it.
    const kind = lone ? classifyLoneLine(line, language, i > 0) : 'code';
    if (kind !== 'code') return `line ${i + 1} of the code stands alone between blank lines and would read as a ${kind}`;
  }
  return undefined;
}

function blockIssue(block: Block, previous: Block | undefined, language: string): string | undefined {
  switch (block.type) {
    case 'heading':
    case 'paragraph': {
      if (block.text === '') return `a ${block.type} needs text: an empty line separates blocks`;
      if (block.text === META_MARKER) return `"${META_MARKER}" would read as the start of the meta block`;
      const kind = classifyLoneLine(block.text, language, previous?.type === 'code');
      return kind === block.type ? undefined : `this ${block.type} would read back as ${kind === 'code' ? 'code' : `a ${kind}`}; see docs/post-format.md for how lines are told apart`;
    }
    case 'code':
      if (previous?.type === 'code') return 'two code blocks with only blank lines between them read back as one';
      return codeIssues(block.code, language);
    case 'image':
      if (block.caption === '') return 'an image needs a caption';
      if (block.caption === META_MARKER) return `a caption "${META_MARKER}" would read as the start of the meta block`;
      if (block.caption.startsWith(BULLET)) return 'a caption that starts like a list item would read as one';
      return undefined;
    case 'list':
      return undefined;
  }
}

function imageUrlIssues(post: PostShape): RepresentabilityIssue[] {
  const urls = new Map<string, string>();
  for (const source of post.meta.imageSources ?? []) if (!urls.has(source.caption)) urls.set(source.caption, source.url);
  const issues: RepresentabilityIssue[] = [];
  post.body.forEach((block, index) => {
    if (block.type !== 'image' || block.url === urls.get(block.caption)) return;
    issues.push({
      path: ['body', index, 'url'],
      message: 'an image URL is read from the meta `image sources` entry with the same caption, so the two must agree',
    });
  });
  return issues;
}

function extraIssue(label: string, value: ExtraValue): string | undefined {
  if (label === '' || label.startsWith(' ') || label.startsWith('\t')) return 'an extra label must be non-empty and must not start with a space or tab';
  if (fieldForLine(label)) return `an extra label must not begin with a known label (it would read as "${fieldForLine(label)?.label}")`;
  if (typeof value === 'string') {
    return value === '' ? undefined : 'an unknown label is glued to its value, so only an empty value reads back: put the text in the label';
  }
  if (Array.isArray(value) && value.length === 0) return 'an empty list reads back as an empty text field';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return looksLikeRecord(value as string[]) ? 'every item is `key: value` with distinct keys, so it reads back as an object' : undefined;
  }
  const records = Array.isArray(value) ? value : [value];
  for (const record of records as Record<string, string>[]) {
    const keys = Object.keys(record);
    if (keys.length === 0) return 'an empty object cannot be written';
    if (keys.some((key) => key === '' || key.includes(KEY_VALUE_SEPARATOR))) return 'object keys must be non-empty and must not contain ": "';
    if (Array.isArray(value) && keys[0] !== Object.keys(value[0] as object)[0]) return 'every object in a list must start with the same key';
  }
  return undefined;
}

/** Why a post could not be written in the format and read back unchanged; empty when it can. */
export function representabilityIssues(post: PostShape): RepresentabilityIssue[] {
  const issues: RepresentabilityIssue[] = [];
  const language = post.meta.codeLanguage;
  if (post.title === META_MARKER) issues.push({ path: ['title'], message: `a title "${META_MARKER}" would read as the start of the meta block` });
  if (post.layout?.breadcrumb === false && post.title === BREADCRUMB) {
    issues.push({ path: ['title'], message: 'without a breadcrumb line, a title of "|" would read as the breadcrumb' });
  }
  if (post.layout?.breadcrumb === false && post.title.startsWith('\uFEFF')) {
    issues.push({ path: ['title'], message: 'without a breadcrumb line, a title that starts with U+FEFF would read as a byte-order mark' });
  }
  post.body.forEach((block, index) => {
    const message = blockIssue(block, post.body[index - 1], language);
    if (message) issues.push({ path: ['body', index], message });
    if (block.type === 'code' && block.lang !== (language === '' ? undefined : language)) {
      issues.push({ path: ['body', index, 'lang'], message: 'a code block takes its language from meta `code language`, so the two must agree' });
    }
  });
  issues.push(...imageUrlIssues(post));
  for (const [label, value] of Object.entries(post.meta.extra ?? {})) {
    const message = extraIssue(label, value);
    if (message) issues.push({ path: ['meta', 'extra', label], message });
  }
  return issues;
}
