import { describe, expect, it } from 'vitest';
import type { OutputRecord } from '../manifest/manifest.ts';
import { keySharer } from './shared-keys.ts';

const output = (url: string, keys: string[]): OutputRecord => ({ url, file: url.slice(1), hash: 'h', keys });

describe('keySharer', () => {
  it('gives a post\'s outputs with equal keys one list, keeps other lists apart, and changes no key', () => {
    const share = keySharer();
    const outputs = [output('/posts/a', ['post-a', 'topic-go']), output('/posts/a.json', ['post-a', 'topic-go']), output('/posts/a.txt', ['post-a'])];
    share(outputs);
    const [page, json, text] = outputs as [OutputRecord, OutputRecord, OutputRecord];
    expect(json.keys).toBe(page.keys);
    expect(text.keys).not.toBe(page.keys);
    expect(outputs.map((o) => o.keys)).toEqual([['post-a', 'topic-go'], ['post-a', 'topic-go'], ['post-a']]);
    // Another post's equal list is its own array (lists are shared within a post only).
    const other = [output('/posts/b', ['post-a', 'topic-go'])];
    share(other);
    expect(other[0]?.keys).not.toBe(page.keys);
    expect(other[0]?.keys).toEqual(page.keys);
  });
});
