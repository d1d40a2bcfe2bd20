import type { Diagnostic } from '../diagnostic.ts';
import { BREADCRUMB, META_MARKER, SIMILAR_MARKER } from '../format/markers.ts';
import type { PostMeta } from '../schema/meta-schema.ts';
import type { Layout, Post } from '../schema/post-schema.ts';
import { createDiagnosticsSink, quote, type DiagnosticsSink } from './diagnostics-sink.ts';
import { createLocations, type Locations, type PostLocations } from './locations.ts';
import { parseBody } from './parse-body.ts';
import { parseMeta } from './parse-meta.ts';
import { readSourceText } from './source-text.ts';

/** Configures `parsePost`: the file name its diagnostics carry, and whether warnings fail the parse. */
export interface ParseOptions {
  /** The file name, copied into every diagnostic. */
  file?: string;
  /** Treat warnings (unknown labels, odd indentation, a missing `Similar Posts`) as errors. */
  strict?: boolean;
}

/**
 * What `parsePost` returns: the post when no diagnostic is an error (`ok: true`), every diagnostic either way,
 * and where each field was written, to hand to `lintPost` so its findings are positioned.
 */
export type ParseResult =
  | { ok: true; post: Post; diagnostics: Diagnostic[]; locations: PostLocations }
  | { ok: false; diagnostics: Diagnostic[]; locations: PostLocations };

/**
 * Where the meta block starts: the first line `alphanode post meta` at or after `from`. That line
 * ends the body wherever it stands, so no block of a parsed post holds it, and every post that parses
 * can be written back. Right under another line (no blank line before it) it is still the marker,
 * with a warning, unless a marker after a blank line follows: then it is a stray that the body cannot
 * hold, an error, and the later one starts the meta block.
 */
function findMetaMarker(lines: readonly string[], from: number, sink: DiagnosticsSink): number {
  const at = lines.indexOf(META_MARKER, from);
  if (at <= from || lines[at - 1] === '') return at;
  let later = at + 1;
  while (later < lines.length && (lines[later] !== META_MARKER || lines[later - 1] !== '')) later++;
  if (later === lines.length) {
    sink.add('warning', 'expected-blank-line', `expected a blank line before "${META_MARKER}"`, at, 1);
    return at;
  }
  const message = `a line "${META_MARKER}" cannot stand in the body, since that line ends the body wherever it is; the meta block starts on line ${later + 1}. Remove this line`;
  sink.add('error', 'unexpected-content', message, at, 1);
  return later;
}

function readSimilar(lines: readonly string[], from: number, sink: DiagnosticsSink, locations: Locations): string[] {
  const similar: string[] = [];
  let lastTitle = from - 1;
  for (let at = from; at < lines.length; at++) {
    if (lines[at] === '') continue;
    if (at > lastTitle + 1) sink.add('warning', 'unexpected-content', 'blank line between similar post titles; it was dropped', lastTitle + 1, 1, ['similar']);
    locations.set('similar', at, 1, similar.length);
    similar.push(lines[at] as string);
    lastTitle = at;
  }
  if (lastTitle < lines.length - 1) sink.add('info', 'trailing-blank-lines', 'blank lines at the end of the file were dropped', lastTitle + 1, 1);
  return similar;
}

function invalidInput(input: unknown): ParseResult {
  const found = input == null ? String(input) : typeof input;
  const message = `expected the text of a post as a string, found ${found}; decode bytes first (TextDecoder) or use loadPosts from @alphanode/parser/node`;
  return { ok: false, diagnostics: [{ severity: 'error', code: 'invalid-input', message, line: 1, column: 1, retryable: false }], locations: new Map() };
}

/**
 * Parses the text of one post. Never throws: every problem found in the one pass over the text is
 * returned as a positioned diagnostic, and `ok` is false when any of them is an error. Linear in
 * the length of the text.
 *
 * @example
 * const result = parsePost(text, { file: 'posts/a.txt' });
 * if (result.ok) console.log(result.post.title);
 * else for (const d of result.diagnostics) console.error(`${d.file}:${d.line}:${d.column} ${d.message}`);
 */
export function parsePost(text: string, options: ParseOptions = {}): ParseResult {
  if (typeof text !== 'string') return invalidInput(text);
  const source = readSourceText(text);
  const { lines } = source;
  const sink = createDiagnosticsSink(lines, options.file, options.strict === true);
  const locations = createLocations();
  for (const finding of source.findings) sink.add(finding.severity, finding.code, finding.message, finding.lineIndex, finding.column);
  const fail = (): ParseResult => ({ ok: false, diagnostics: sink.list, locations: locations.map });

  if (lines.every((line) => line.trim() === '')) {
    sink.add('error', 'empty-file', 'the file is empty; expected a post: a title line, the body, then "alphanode post meta" and its fields', 0, 1);
    return fail();
  }
  const layout: Layout = {};
  let at = 0;
  if (lines[0] === BREADCRUMB) {
    at = 1;
    if (lines[1] === '') at = 2;
    else sink.add('warning', 'expected-blank-line', 'expected a blank line after the "|" breadcrumb line', 1, 1);
  } else layout.breadcrumb = false;
  const title = lines[at] ?? '';
  if (title === '' || title === META_MARKER) {
    sink.add('error', 'missing-title', `expected the post's title on this line, found ${title === '' ? 'a blank line' : quote(title)}`, at, 1, ['title']);
  }
  locations.set('title', at, 1);
  at++;
  if (at < lines.length && lines[at] !== '' && lines[at] !== META_MARKER) {
    sink.add('warning', 'expected-blank-line', 'expected a blank line after the title; the next line is read as the body', at, 1);
  }

  const metaAt = findMetaMarker(lines, at, sink);
  if (metaAt < 0) {
    sink.add('error', 'missing-meta', `expected a line "${META_MARKER}" after the body; the file ends without a meta block`, lines.length - 1, 1, ['meta']);
    return fail();
  }
  let metaStart = metaAt + 1;
  if (lines[metaStart] === '') metaStart++;
  else if (metaStart < lines.length) sink.add('warning', 'expected-blank-line', `expected a blank line after "${META_MARKER}"`, metaStart, 1);
  let metaEnd = metaStart;
  while (metaEnd < lines.length && lines[metaEnd] !== '') metaEnd++;
  const meta = parseMeta(lines, metaStart, metaEnd, sink, locations);

  let similar: string[] = [];
  const similarAt = metaEnd + 1;
  if (metaEnd >= lines.length) {
    sink.add('warning', 'missing-similar', `the file ends after the meta block; expected a blank line and "${SIMILAR_MARKER}"`, lines.length - 1, (lines[lines.length - 1] ?? '').length + 1);
  } else if (lines[similarAt] !== SIMILAR_MARKER) {
    sink.add('error', 'unexpected-content', `expected "${SIMILAR_MARKER}" after the meta block and a blank line, found ${quote(lines[similarAt] ?? '')}`, similarAt, 1);
  } else {
    similar = readSimilar(lines, similarAt + 1, sink, locations);
  }

  const imageUrls = new Map<string, string>();
  for (const image of meta.imageSources ?? []) if (!imageUrls.has(image.caption)) imageUrls.set(image.caption, image.url);
  const body = parseBody({ lines, language: meta.codeLanguage ?? '', imageUrls, locations, sink }, at, metaAt);

  if (sink.hasErrors()) return fail();
  if (source.finalNewline) layout.finalNewline = true;
  const post: Post = { title, body, meta: meta as PostMeta, similar };
  if (layout.breadcrumb === false || layout.finalNewline) post.layout = layout;
  return { ok: true, post, diagnostics: sink.list, locations: locations.map };
}
