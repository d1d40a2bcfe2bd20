import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../test/paths.ts';
import type { PostMeta } from '../schema/meta-schema.ts';
import { PostSchema } from '../schema/post-schema.ts';
import { stringifyPost } from '../stringify/stringify-post.ts';
import { parsePost } from './parse-post.ts';

// Unknown labels `__proto__`, `constructor` and `prototype` after the known fields, as the format
// writes them, so the file reads back byte for byte.
const text = readFileSync(path.join(fixturesDir, 'prototype-labels.txt'), 'utf8');

function extraOf(source: string): NonNullable<PostMeta['extra']> {
  const result = parsePost(source);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.post.meta.extra ?? {};
}

/** The fixture with its three extra labels replaced by `lines`. */
function withExtra(lines: string): string {
  return text.replace(/\n__proto__\n[\s\S]*?\n\nSimilar Posts/, `\n${lines}\n\nSimilar Posts`);
}

describe('prototype-named meta labels', () => {
  const result = parsePost(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  const extra = result.post.meta.extra as Record<string, unknown>;

  it('are own fields of meta.extra, never its prototype', () => {
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(Object.keys(extra)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.getOwnPropertyDescriptor(extra, '__proto__')?.value).toEqual({ polluted: 'yes', admin: '1' });
    expect(extra.constructor).toEqual({ name: 'evil' });
    expect(extra.prototype).toEqual(['alice', 'bob']);
  });

  it('lend nothing by inheritance, to meta.extra or to any other object', () => {
    expect((extra as { polluted?: unknown }).polluted).toBeUndefined();
    expect('polluted' in extra).toBe(false);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('are each reported as an unknown label, at their line', () => {
    const lines = text.split('\n');
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual(
      ['__proto__', 'constructor', 'prototype'].map((label) => ['unknown-label', lines.indexOf(label) + 1]),
    );
  });

  it('write back under the same label with the same value, byte for byte', () => {
    expect(stringifyPost(result.post)).toBe(text);
  });

  it('survive JSON and structuredClone', () => {
    const json = JSON.stringify(result.post);
    expect(json).toContain('"__proto__":{"polluted":"yes","admin":"1"}');
    const back = JSON.parse(json) as typeof result.post;
    expect(Object.keys(back.meta.extra ?? {})).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(stringifyPost(back)).toBe(text);
    expect(stringifyPost(structuredClone(result.post))).toBe(text);
  });

  it('pass PostSchema, whose parsed copy loses `__proto__` (zod skips that key, as docs/post-format.md says)', () => {
    expect(PostSchema.safeParse(result.post).error?.issues ?? []).toEqual([]);
    expect(Object.keys(PostSchema.parse(result.post).meta.extra ?? {})).toEqual(['constructor', 'prototype']);
  });

  it('are own fields in every shape: a bare label, a key inside an object, the first key of a list of objects', () => {
    const bare = extraOf(withExtra('__proto__'));
    expect(Object.keys(bare)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(bare, '__proto__')?.value).toBe('');

    const keyed = extraOf(withExtra('links\n  • __proto__: x\n  • constructor: y'));
    expect(Object.keys(keyed.links as object)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(keyed.links)).toBe(Object.prototype);

    const source = withExtra('people\n    • __proto__: a\n    • prototype: b\n    • __proto__: c');
    const records = extraOf(source).people as Record<string, string>[];
    expect(records.map((record) => Object.entries(record))).toEqual([[['__proto__', 'a'], ['prototype', 'b']], [['__proto__', 'c']]]);
    const parsed = parsePost(source);
    expect(parsed.ok && stringifyPost(parsed.post)).toBe(source);
  });

  it('writes only own fields of a hand-built meta.extra, so an inherited field is not invented', () => {
    if (!result.ok) return;
    const inherited = Object.create({ polluted: 'yes' }) as Record<string, string>;
    inherited.owners = '';
    const written = stringifyPost({ ...result.post, meta: { ...result.post.meta, extra: inherited } });
    expect(written).toContain('\nowners\n');
    expect(written).not.toContain('polluted');
  });
});
