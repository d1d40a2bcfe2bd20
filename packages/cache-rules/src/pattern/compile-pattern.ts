/** Limits that keep a pattern cheap to compile and to match, whatever a rules file says. */
export const MAX_PATTERN_LENGTH = 2048;
export const MAX_PATTERN_SEGMENTS = 64;

/** A `:param` takes a whole segment, less a literal `suffix` it must end with (`:slug.json`). */
type Segment = { kind: 'literal'; text: string } | { kind: 'param'; name: string; suffix: string } | { kind: 'wildcard' };

/**
 * A compiled path pattern. `match` walks the path once, left to right, and never backtracks: a
 * literal compares in place, a `:param` takes up to the next `/` (less its suffix, which the
 * segment must end with), and `*` (last only) takes the rest. So matching is linear in the length
 * of the path, for any pattern and any path.
 */
export interface PathPattern {
  source: string;
  segments: readonly Segment[];
  params: readonly string[];
  /** The first segment when it is a literal: lets the engine skip rules that cannot match. */
  firstLiteral: string | undefined;
  /** Fills `params` (when given) with the raw, still percent-encoded values. */
  match(path: string, params?: Record<string, string>): boolean;
}

export type PatternResult = { ok: true; pattern: PathPattern } | { ok: false; message: string };

// A parameter's name, and what follows it in its segment: nothing, or a literal suffix (`:slug.json`).
const PARAM = /^([A-Za-z_][A-Za-z0-9_]*)(.*)$/;
// What a path segment may hold once percent-encoded (RFC 3986 pchar), less `*` and a leading `:`.
const LITERAL = /^[A-Za-z0-9\-._~!$&'()+,;=:@%]*$/;

function parseSegment(text: string, index: number, count: number, seen: Set<string>): Segment | string {
  if (text === '*') return index === count - 1 ? { kind: 'wildcard' } : 'a "*" wildcard must be the last segment (it matches the rest of the path)';
  if (text.startsWith(':')) {
    const [, name, suffix] = PARAM.exec(text.slice(1)) ?? [];
    if (name === undefined || suffix === undefined) return `"${text.slice(0, 30)}" is not a parameter name: use letters, digits and _ after ":"`;
    if (suffix !== '' && (suffix.includes(':') || !LITERAL.test(suffix))) {
      return `"${text.slice(0, 30)}": after a parameter's name a segment may hold only a literal suffix such as ".json", and one parameter at most`;
    }
    if (seen.has(name)) return `the parameter ":${name}" appears twice`;
    seen.add(name);
    return { kind: 'param', name, suffix };
  }
  if (text.includes('*')) return `"*" is a whole segment ("/assets/*"), not part of one ("${text.slice(0, 30)}"); patterns are not globs or regular expressions`;
  if (!LITERAL.test(text)) return `"${text.slice(0, 30)}" holds characters a URL path cannot (spaces, quotes, brackets...); patterns match the percent-encoded path`;
  return { kind: 'literal', text };
}

/**
 * Compiles `/posts/:slug`, `/posts/:slug.json`, `/assets/*` or `/` into a matcher. No user text
 * becomes a regular expression, so no pattern can be built to backtrack.
 *
 * @example
 * const result = compilePattern('/posts/:slug');
 * if (result.ok) result.pattern.match('/posts/hello', params); // true, params.slug === 'hello'
 */
export function compilePattern(source: string): PatternResult {
  if (source.length > MAX_PATTERN_LENGTH) return { ok: false, message: `a path pattern must be at most ${MAX_PATTERN_LENGTH} characters; found ${source.length}` };
  if (!source.startsWith('/')) return { ok: false, message: `a path pattern starts with "/"; found "${source.slice(0, 30)}"` };
  if (source.includes('?') || source.includes('#')) return { ok: false, message: 'a path pattern matches the path only: match a query with a bypass `query:` condition instead' };
  const parts = source === '/' ? [''] : source.slice(1).split('/');
  if (parts.length > MAX_PATTERN_SEGMENTS) return { ok: false, message: `a path pattern may have at most ${MAX_PATTERN_SEGMENTS} segments; found ${parts.length}` };
  const segments: Segment[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part === '' && i !== parts.length - 1) return { ok: false, message: 'a path pattern has an empty segment ("//")' };
    const segment = parseSegment(part, i, parts.length, seen);
    if (typeof segment === 'string') return { ok: false, message: segment };
    segments.push(segment);
  }
  const first = segments[0];
  return {
    ok: true,
    pattern: {
      source,
      segments,
      params: [...seen],
      firstLiteral: first?.kind === 'literal' ? first.text : undefined,
      match: (path, params) => matchSegments(segments, path, params),
    },
  };
}

function matchSegments(segments: readonly Segment[], path: string, params: Record<string, string> | undefined): boolean {
  if (path.charCodeAt(0) !== 47 /* / */) return false;
  let pos = 1;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    if (segment.kind === 'wildcard') {
      if (params) params['*'] = path.slice(i > 0 && path.charCodeAt(pos) === 47 ? pos + 1 : pos);
      return true;
    }
    // Every segment but the first starts after a "/" that the previous one stopped on.
    if (i > 0) {
      if (path.charCodeAt(pos) !== 47) return false;
      pos++;
    }
    if (segment.kind === 'literal') {
      if (!path.startsWith(segment.text, pos)) return false;
      pos += segment.text.length;
      const next = path.charCodeAt(pos);
      if (pos < path.length && next !== 47) return false;
      continue;
    }
    let end = path.indexOf('/', pos);
    if (end === -1) end = path.length;
    const valueEnd = end - segment.suffix.length;
    if (valueEnd <= pos || (segment.suffix !== '' && !path.startsWith(segment.suffix, valueEnd))) return false;
    if (params) params[segment.name] = path.slice(pos, valueEnd);
    pos = end;
  }
  return pos === path.length;
}
