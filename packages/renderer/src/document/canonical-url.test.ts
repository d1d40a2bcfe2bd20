import { describe, expect, it } from 'vitest';
import { createReport } from '../render-report.ts';
import { canonicalUrl } from './canonical-url.ts';

const canonical = (base: string | undefined, path: string | undefined) => {
  const report = createReport();
  return { url: canonicalUrl(base, path, report), dropped: report.droppedUrls.map((d) => `${d.path} ${d.reason}`) };
};

describe('canonicalUrl', () => {
  it('joins a base and a path', () => {
    expect(canonical('https://notes.example', '/posts/a')).toEqual({ url: 'https://notes.example/posts/a', dropped: [] });
    expect(canonical('https://notes.example/blog/', 'posts/a b')).toEqual({ url: 'https://notes.example/blog/posts/a%20b', dropped: [] });
    expect(canonical('https://notes.example:8443', '/p')).toEqual({ url: 'https://notes.example:8443/p', dropped: [] });
    expect(canonical(undefined, 'https://notes.example/p')).toEqual({ url: 'https://notes.example/p', dropped: [] });
  });

  it('has none without a path, or with a relative path and no base', () => {
    expect(canonical('https://notes.example', undefined)).toEqual({ url: undefined, dropped: [] });
    expect(canonical(undefined, '/p')).toEqual({ url: undefined, dropped: [] });
  });

  it('refuses a path or base that leaves the policy or the origin', () => {
    expect(canonical('https://notes.example', '//evil.example/p')).toEqual({ url: undefined, dropped: ['options.path protocol-relative'] });
    expect(canonical('https://notes.example', '/\\evil.example/p')).toEqual({ url: undefined, dropped: ['options.path protocol-relative'] });
    expect(canonical('https://notes.example', 'javascript:alert(1)')).toEqual({ url: undefined, dropped: ['options.path scheme'] });
    expect(canonical('ftp://notes.example', '/p')).toEqual({ url: undefined, dropped: ['options.baseUrl scheme'] });
  });
});
