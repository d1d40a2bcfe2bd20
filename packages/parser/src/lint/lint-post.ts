import type { Diagnostic, DiagnosticCode } from '../diagnostic.ts';
import type { PostLocations } from '../parse/locations.ts';
import type { Post } from '../schema/post-schema.ts';

/** Configures `lintPost`: where to position its warnings (`locations` from `parsePost`) and the file name they carry. */
export interface LintOptions {
  /** From `parsePost`, to put each finding where its field is written. */
  locations?: PostLocations;
  file?: string;
}

type Finding = { code: DiagnosticCode; message: string; path: (string | number)[] };
type Rule = (post: Post) => Finding[];

/** The heading under which the body repeats the meta `checklist`, and the one that ends the counted paragraphs. */
const CHECKLIST_HEADING = 'implementation checklist';
const FINAL_HEADING = 'final notes';

const paragraphCount: Rule = (post) => {
  const end = post.body.findIndex((block) => block.type === 'heading' && block.text === FINAL_HEADING);
  const counted = (end < 0 ? post.body : post.body.slice(0, end)).filter((block) => block.type === 'paragraph').length;
  if (counted === post.meta.payload.paragraphs) return [];
  const where = end < 0 ? 'in the body' : `before "${FINAL_HEADING}"`;
  return [{ code: 'paragraph-count', message: `payload says ${post.meta.payload.paragraphs} paragraphs, the body has ${counted} ${where}`, path: ['meta', 'payload', 'paragraphs'] }];
};

const hasImagesFlag: Rule = (post) => {
  const hasImages = post.body.some((block) => block.type === 'image');
  if (hasImages === post.meta.flags.hasImages) return [];
  return [{ code: 'has-images-flag', message: `flags "has images" is ${post.meta.flags.hasImages ? 1 : 0} but the body has ${hasImages ? 'images' : 'no images'}`, path: ['meta', 'flags', 'hasImages'] }];
};

const imageSources: Rule = (post) => {
  const findings: Finding[] = [];
  const sources = post.meta.imageSources ?? [];
  const captions = new Set<string>();
  post.body.forEach((block, index) => {
    if (block.type !== 'image') return;
    captions.add(block.caption);
    const count = sources.filter((source) => source.caption === block.caption).length;
    if (count === 0) findings.push({ code: 'image-source-missing', message: `no "image sources" entry has the caption of this image, so it has no URL`, path: ['body', index] });
    if (count > 1) findings.push({ code: 'image-source-duplicate', message: `${count} "image sources" entries have this image's caption; expected one`, path: ['body', index] });
  });
  sources.forEach((source, index) => {
    if (!captions.has(source.caption)) findings.push({ code: 'image-source-unused', message: `"image sources" entry ${index + 1} names a caption no body image has`, path: ['meta', 'imageSources', index] });
  });
  return findings;
};

const checklist: Rule = (post) => {
  const heading = post.body.findIndex((block) => block.type === 'heading' && block.text === CHECKLIST_HEADING);
  if (heading < 0) return [];
  const list = post.body.slice(heading + 1).find((block) => block.type === 'list');
  const items = list?.type === 'list' ? list.items : [];
  const same = items.length === post.meta.checklist.length && items.every((item, i) => item === post.meta.checklist[i]);
  if (same) return [];
  return [{ code: 'checklist-mismatch', message: `meta "checklist" should repeat the list under "${CHECKLIST_HEADING}" (${items.length} items there, ${post.meta.checklist.length} in meta)`, path: ['meta', 'checklist'] }];
};

const FORMATS: readonly { path: (string | number)[]; label: string; pattern: RegExp; expected: string; get: (post: Post) => string }[] = [
  { path: ['meta', 'topic'], label: 'topic', pattern: / \/ /, expected: 'PROBLEM / STACK', get: (post) => post.meta.topic },
  { path: ['meta', 'revision', 'version'], label: 'revision / version', pattern: /^\d+\.\d+\.\d+$/, expected: 'x.y.z', get: (post) => post.meta.revision.version },
  { path: ['meta', 'reference'], label: 'reference', pattern: /^anp-ref-\d{6}-\d{4}$/, expected: 'anp-ref-NNNNNN-NNNN', get: (post) => post.meta.reference },
  { path: ['meta', 'hash'], label: 'hash', pattern: /^[0-9a-f]{24}$/, expected: '24 hex digits', get: (post) => post.meta.hash },
];

const valueFormats: Rule = (post) =>
  FORMATS.filter((format) => !format.pattern.test(format.get(post))).map((format) => ({
    code: 'value-format' as const,
    message: `"${format.label}" is usually ${format.expected}, found ${JSON.stringify(format.get(post).slice(0, 60))}`,
    path: format.path,
  }));

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]/;

/**
 * Reports every string under `value` that holds a control character. One walk with one path stack,
 * copied only for a finding: a generator yielding a fresh path per value cost more than parsing.
 */
function findControlCharacters(value: unknown, path: (string | number)[], findings: Finding[]): void {
  if (typeof value === 'string') {
    const found = CONTROL.exec(value);
    if (!found) return;
    const code = `U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    findings.push({ code: 'control-character', message: `control character ${code} at character ${found.index + 1} of this value; a post should hold printable text`, path: [...path] });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      findControlCharacters(value[i], path, findings);
      path.pop();
    }
  } else if (value != null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      path.push(key);
      findControlCharacters((value as Record<string, unknown>)[key], path, findings);
      path.pop();
    }
  }
}

// Control characters survive parsing (nothing is lost) but mean nothing on a page, and ESC can
// rewrite a terminal that prints the post; HTML forbids most of them.
const controlCharacters: Rule = (post) => {
  const findings: Finding[] = [];
  findControlCharacters(post, [], findings);
  return findings;
};

const RULES: readonly Rule[] = [paragraphCount, hasImagesFlag, imageSources, checklist, valueFormats, controlCharacters];

/**
 * Checks the facts the post format (docs/post-format.md) ties across fields (paragraph count, the has-images flag, image
 * sources against body images, the checklist against the body's list, value shapes) and returns
 * them as warnings. Pass `locations` from `parsePost` to position them; without it they point at 1:1.
 *
 * @example
 * const result = parsePost(text);
 * if (result.ok) lintPost(result.post, { locations: result.locations });
 */
export function lintPost(post: Post, options: LintOptions = {}): Diagnostic[] {
  return RULES.flatMap((rule) => rule(post)).map((finding) => {
    const at = options.locations?.get(finding.path.join('.'));
    const diagnostic: Diagnostic = { severity: 'warning', ...finding, line: at?.line ?? 1, column: at?.column ?? 1, retryable: false };
    if (options.file !== undefined) diagnostic.file = options.file;
    return diagnostic;
  });
}
