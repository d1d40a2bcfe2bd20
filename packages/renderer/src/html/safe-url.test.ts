import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLink, checkUrl, plainUrl, safeUrl } from './safe-url.ts';

describe('checkUrl (image URLs)', () => {
  it.each([
    ['https://images.unsplash.com/photo-1?auto=format&fit=crop&w=1200&q=80', 'https://images.unsplash.com/photo-1?auto=format&fit=crop&w=1200&q=80'],
    ['https://loremflickr.com/1200/630/code,developer?lock=3493', 'https://loremflickr.com/1200/630/code,developer?lock=3493'],
    ['http://x.test/a b.png', 'http://x.test/a%20b.png'],
    ['HTTPS://X.TEST/a.png', 'https://x.test/a.png'],
    [' https://x.test/a.png', 'https://x.test/a.png'],
    ['https://images.example.com/a.png" onerror="alert(1)', 'https://images.example.com/a.png%22%20onerror=%22alert(1)'],
  ])('allows %j as %j', (url, href) => {
    expect(checkUrl(url)).toEqual({ ok: true, href });
  });

  it.each([
    ['javascript:alert(1)', 'scheme'],
    ['JaVaScRiPt:alert(1)', 'scheme'],
    ['java\tscript:alert(1)', 'scheme'],
    ['java\nscript:alert(1)', 'scheme'],
    [' \u0001javascript:alert(1)', 'scheme'],
    ['&#x6a;avascript:alert(1)', 'relative'],
    ['vbscript:msgbox(1)', 'scheme'],
    ['data:text/html,<script>alert(1)</script>', 'scheme'],
    ['data:image/svg+xml,<svg onload=alert(1)>', 'scheme'],
    ['data:image/png;base64,iVBORw0KGgo=', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['//evil.example/x.png', 'protocol-relative'],
    ['\\\\evil.example/x.png', 'protocol-relative'],
    ['/\t/evil.example/x.png', 'protocol-relative'],
    ['/x.png', 'relative'],
    ['x.png', 'relative'],
    ['https://user:pass@evil.example/x.png', 'credentials'],
    ['https://evil.example\u202E/gnp.png', 'invalid'],
    ['https://[::1', 'invalid'],
  ])('refuses %j (%s)', (url, reason) => {
    expect(checkUrl(url)).toEqual({ ok: false, reason });
  });

  it('takes the no-parse path only where the parser would return the URL unchanged', () => {
    const char = fc.constantFrom(...'aZ09-._~!$&()*+,;=:@%/?#\'"<> \\`{}|^[]\t'.split(''), 'xn--', '/.', '/..', '%2e', '\u00e9', '\u202e');
    const url = fc.tuple(fc.constantFrom('http://', 'https://', 'HTTP://', 'https://x.', 'https://1.2.3'), fc.stringMatching(/^[a-z0-9-]{1,8}(\.[a-z0-9-]{1,5}){0,2}$/), fc.array(char, { maxLength: 30 }));
    fc.assert(
      fc.property(url, ([scheme, host, rest]) => {
        const value = `${scheme}${host}/${rest.join('')}`;
        const fast = plainUrl(value);
        if (fast !== undefined) expect(new URL(value).href).toBe(fast);
      }),
      { numRuns: 3000 },
    );
    expect(plainUrl('https://loremflickr.com/1200/630/code,developer?lock=3493')).toBeDefined();
  });
});

describe('checkLink and safeUrl (site links)', () => {
  it('keeps paths from the root, normalised, and absolute http(s) URLs', () => {
    expect(checkLink('/posts/a b?q="x"#top')).toEqual({ ok: true, href: '/posts/a%20b?q=%22x%22#top' });
    expect(safeUrl('https://cdn.example/site.css')).toBe('https://cdn.example/site.css');
  });

  it('refuses what would leave the site or run', () => {
    expect(checkLink('//evil.example/x')).toEqual({ ok: false, reason: 'protocol-relative' });
    expect(checkLink('/\\evil.example/x')).toEqual({ ok: false, reason: 'protocol-relative' });
    expect(checkLink('posts/a')).toEqual({ ok: false, reason: 'relative' });
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl(' data:text/css,x')).toBeUndefined();
  });
});
