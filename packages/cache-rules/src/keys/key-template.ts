import type { Post } from '@alphanode/parser';
import { finishKey, MAX_KEY_LENGTH, slugifyKeyPart, slugifyText } from './safe-key.ts';

type Part = { kind: 'text'; text: string; slug: string } | { kind: 'param'; name: string } | { kind: 'post'; path: readonly string[] };

/** A compiled purge-key template such as `post:{slug}` or `stack:{post.meta.stack}`. */
export interface KeyTemplate {
  source: string;
  parts: readonly Part[];
  /** Reads the post (so needs one to expand). */
  usesPost: boolean;
  /** Path parameters it reads. */
  params: readonly string[];
  /**
   * Set when the template is one post field between fixed text: expanded without intermediate
   * arrays. `before` has no leading dash and `after` no trailing one, so that with a non-empty
   * field slug between them the key is already finished unless it is too long.
   */
  single: { before: string; path: readonly string[]; after: string } | undefined;
}

function singleField(parts: readonly Part[]): KeyTemplate['single'] {
  const fields = parts.filter((part) => part.kind === 'post');
  const field = fields[0];
  if (fields.length !== 1 || !field || parts.some((part) => part.kind === 'param')) return undefined;
  const at = parts.indexOf(field);
  const slugOf = (part: Part | undefined) => (part?.kind === 'text' ? part.slug : '');
  // At most one text part on each side; compileKeyTemplate never makes two adjacent text parts.
  return { before: slugOf(parts[at - 1]).replace(/^-+/, ''), path: field.path, after: slugOf(parts[at + 1]).replace(/-+$/, '') };
}

export type KeyTemplateResult = { ok: true; template: KeyTemplate } | { ok: false; message: string };

const PLACEHOLDER = /^(?:[A-Za-z_][A-Za-z0-9_]*|post(?:\.[A-Za-z_][A-Za-z0-9_]*)+)$/;

/**
 * Compiles a key template: literal text with `{param}` (a path parameter of the rule) and
 * `{post.a.b}` (a field of the post being served) placeholders.
 *
 * @example
 * compileKeyTemplate('topic:{post.meta.topic}');
 */
export function compileKeyTemplate(source: string, routeParams: readonly string[]): KeyTemplateResult {
  const parts: Part[] = [];
  let rest = source;
  while (rest !== '') {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (open === -1 && close === -1) {
      parts.push({ kind: 'text', text: rest, slug: slugifyText(rest) });
      break;
    }
    if (open === -1 || (close !== -1 && close < open)) return { ok: false, message: `unbalanced "}" in key template "${source.slice(0, 60)}"` };
    if (open > 0) parts.push({ kind: 'text', text: rest.slice(0, open), slug: slugifyText(rest.slice(0, open)) });
    const end = rest.indexOf('}', open);
    if (end === -1) return { ok: false, message: `unclosed "{" in key template "${source.slice(0, 60)}"` };
    const name = rest.slice(open + 1, end);
    if (!PLACEHOLDER.test(name)) return { ok: false, message: `"{${name.slice(0, 40)}}" is not a placeholder: use {param} for a path parameter or {post.meta.topic} for a field of the post` };
    if (name.startsWith('post.')) parts.push({ kind: 'post', path: name.split('.').slice(1) });
    else if (routeParams.includes(name)) parts.push({ kind: 'param', name });
    else return { ok: false, message: `{${name}} is not a parameter of this rule's path (it has: ${routeParams.length === 0 ? 'none' : routeParams.map((param) => `:${param}`).join(', ')})` };
    rest = rest.slice(end + 1);
  }
  if (parts.length === 1 && parts[0]?.kind === 'text' && slugifyKeyPart(parts[0].text) === '') {
    return { ok: false, message: `the key "${source.slice(0, 60)}" has no letters or digits left once made safe for every CDN` };
  }
  return {
    ok: true,
    template: {
      source,
      parts,
      usesPost: parts.some((part) => part.kind === 'post'),
      params: parts.flatMap((part) => (part.kind === 'param' ? [part.name] : [])),
      single: singleField(parts),
    },
  };
}

/** The value at `path` in the post (own properties only), or undefined. */
export function readPath(post: Post, path: readonly string[]): unknown {
  let node: unknown = post;
  for (const step of path) {
    if (node == null || typeof node !== 'object' || !Object.hasOwn(node, step)) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return node;
}

/**
 * Expands a template into zero or more safe keys, appended to `out` without duplicates. An array
 * value (a post's stack) gives one key per item; a missing value (no post, or no such field)
 * gives none, because a key naming nothing would purge nothing.
 */
export function expandKeyTemplate(template: KeyTemplate, params: Readonly<Record<string, string>>, post: Post | undefined, out: string[]): void {
  if (!template.usesPost) {
    // The common case, one key from the route alone: no intermediate arrays.
    let key = '';
    for (const part of template.parts) {
      if (part.kind === 'text') key += part.slug;
      else if (part.kind === 'param') {
        const value = slugifyKeyPart(decodeParam(params[part.name]) ?? '');
        if (value === '') return;
        key += value;
      }
    }
    push(out, finishKey(key));
    return;
  }
  // Every {post.…} part is empty without a post, so the whole template is.
  if (post === undefined) return;
  if (template.single) {
    // The common shape, "topic:{post.meta.topic}": one field between fixed text, no intermediate arrays.
    const { before, path, after } = template.single;
    const value = readPath(post, path);
    if (Array.isArray(value)) for (const item of value) pushValue(out, before, item, after);
    else pushValue(out, before, value, after);
    return;
  }
  let prefixes: string[] = [''];
  for (const part of template.parts) {
    let values: readonly unknown[];
    if (part.kind === 'text') values = [part.slug];
    else if (part.kind === 'param') values = [decodeParam(params[part.name])];
    else {
      const value = readPath(post, part.path);
      values = Array.isArray(value) ? value : [value];
    }
    const next: string[] = [];
    for (const prefix of prefixes) {
      for (const value of values) {
        if (typeof value !== 'string' && typeof value !== 'number') continue;
        const text = part.kind === 'text' ? String(value) : slugifyKeyPart(String(value));
        // A placeholder with nothing safe in it would leave a key naming nothing ("post-").
        if (text !== '' || part.kind === 'text') next.push(prefix + text);
      }
    }
    prefixes = next;
  }
  for (const key of prefixes) push(out, finishKey(key));
}

function pushValue(out: string[], before: string, value: unknown, after: string): void {
  if (typeof value !== 'string' && typeof value !== 'number') return;
  const slug = slugifyKeyPart(String(value));
  if (slug === '') return;
  // A slug never starts or ends with a dash, and `single` trimmed the fixed ends: only length is left to finish.
  const key = before + slug + after;
  push(out, key.length <= MAX_KEY_LENGTH ? key : finishKey(key));
}

function push(out: string[], key: string): void {
  if (key !== '' && !out.includes(key)) out.push(key);
}

function decodeParam(value: string | undefined): string | undefined {
  if (value === undefined || !value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
