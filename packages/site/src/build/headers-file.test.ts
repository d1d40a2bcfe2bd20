import { readFileSync } from 'node:fs';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { describe, expect, it } from 'vitest';
import { SITE_DIAGNOSTIC_CODES } from './build-error-codes.ts';
import { renderHeadersFile } from './headers-file.ts';
import { headerBlocks } from '../../test/header-blocks.ts';

const exampleRules = compileRulesOrThrow(readFileSync(new URL('../../../../examples/rules.yaml', import.meta.url), 'utf8'));

describe('renderHeadersFile', () => {
  const { text } = renderHeadersFile(exampleRules, 'netlify');

  it('writes one block per path, with the headers decide gives an anonymous GET there', () => {
    const found = headerBlocks(text);
    const files = ['/404.html', '/sitemap.xml', '/feed.xml', '/robots.txt'];
    // Each listing's later pages get their listing's headers: /page/:n the home page's, /topics/:topic/page/:n a topic's.
    expect([...found.keys()]).toEqual(['/assets/*', '/posts/:slug', '/topics/:topic', '/topics/:topic/page/:n', '/', '/page/:n', ...files, '/topics/:topic/feed.xml']);
    const sample: Record<string, string> = {
      '/assets/*': '/assets/site.3f9a1c.css',
      '/posts/:slug': '/posts/hello',
      '/topics/:topic': '/topics/go',
      '/topics/:topic/page/:n': '/topics/go/page/2',
      '/': '/',
      '/page/:n': '/page/2',
      ...Object.fromEntries(files.map((file) => [file, file])),
      '/topics/:topic/feed.xml': '/topics/go/feed.xml',
    };
    expect(found.get('/page/:n')).toEqual(found.get('/'));
    expect(found.get('/topics/:topic/page/:n')).toEqual(found.get('/topics/:topic'));
    for (const [path, lines] of found) {
      const headers = exampleRules.decide({ url: sample[path] as string }, { target: 'netlify' }).headers;
      const expected = Object.entries(headers).filter(([name]) => name !== 'Netlify-Cache-Tag').map(([name, value]) => `${name}: ${value}`);
      expect(lines, path).toEqual(expected);
    }
  });

  it('leaves out a rule that matches on the status, saying why', () => {
    expect(text).toContain('# rule "not-found" is left out: it matches on the response status');
    expect(text).not.toMatch(/^\/\*$/m);
  });

  it('folds the JSON pattern into the page pattern that covers it when their headers are the same', () => {
    expect(text).not.toContain('/posts/:slug.json\n');
  });

  it('leaves out a pattern that would mix its headers into an earlier rule\'s paths', () => {
    const rules = compileRulesOrThrow({
      version: 1,
      rules: [
        { name: 'assets', match: { path: '/assets/*' }, cache: { immutable: true, edge: '1y', browser: '1y' }, examples: { cached: ['/assets/a.css'] } },
        { name: 'pages', match: { path: '/*' }, cache: { edge: '5m' }, examples: { cached: ['/about'] } },
      ],
    });
    const written = renderHeadersFile(rules, 'cloudflare').text;
    expect([...headerBlocks(written).keys()]).toEqual(['/assets/*']);
    expect(written).toContain('# rule "pages": left out /*: it meets "assets" (/assets/*) with other headers');
  });

  it('gives each page a block with its purge keys, for a host that reads them there', () => {
    const pages = [
      { url: '/posts/hello', keys: ['post-hello', 'topic-go'] },
      { url: '/posts/hello.json', keys: ['post-hello', 'topic-go'] },
      { url: '/', keys: ['listings'] },
    ];
    const netlify = headerBlocks(renderHeadersFile(exampleRules, 'netlify', pages).text);
    expect(netlify.get('/posts/hello')).toEqual(['Netlify-Cache-Tag: post-hello,topic-go']);
    expect(netlify.get('/posts/hello.json')).toEqual(['Netlify-Cache-Tag: post-hello,topic-go']);
    const cloudflare = headerBlocks(renderHeadersFile(exampleRules, 'cloudflare', pages).text);
    expect(cloudflare.get('/posts/hello')).toEqual(['Cache-Tag: post-hello,topic-go']);
    // Hosts that do not read _headers get no page blocks.
    expect(headerBlocks(renderHeadersFile(exampleRules, 'fastly', pages).text).has('/posts/hello')).toBe(false);
  });

  it('past Cloudflare Pages\' 100 rules, leaves the keys out and says where to get them', () => {
    const pages = Array.from({ length: 120 }, (_, i) => ({ url: `/posts/p${i}`, keys: [`post-p${i}`] }));
    const file = renderHeadersFile(exampleRules, 'cloudflare', pages);
    expect(file.warning).toMatch(/cap of 100 .*developers\.cloudflare\.com.*edge worker/);
    expect(file.text).toContain(`# ${file.warning}`);
    expect([...headerBlocks(file.text).keys()].some((path) => path.startsWith('/posts/p'))).toBe(false);
    expect(renderHeadersFile(exampleRules, 'netlify', pages).warning).toBeUndefined();
  });

  it('past Cloudflare Pages\' 2,000 characters a line, puts a page\'s keys on several Cache-Tag lines of its block', () => {
    const keys = Array.from({ length: 150 }, (_, i) => `topic-a-long-shared-key-${String(i).padStart(3, '0')}`);
    const page = { url: '/posts/hello', keys };
    const file = renderHeadersFile(exampleRules, 'cloudflare', [page]);
    expect(file.warning).toBeUndefined();
    expect(Math.max(...file.text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(2000);
    const lines = headerBlocks(file.text).get('/posts/hello') as string[];
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => line.startsWith('Cache-Tag: '))).toBe(true);
    // Pages joins a header given twice with a comma: the same list as one line would carry.
    expect(lines.map((line) => line.slice('Cache-Tag: '.length)).join(',')).toBe(keys.join(','));
    // Netlify documents no line limit: one line.
    expect(headerBlocks(renderHeadersFile(exampleRules, 'netlify', [page]).text).get('/posts/hello')).toEqual([`Netlify-Cache-Tag: ${keys.join(',')}`]);
  });

  it('leaves every page\'s keys out when one key or URL is longer than a Cloudflare Pages line, saying so', () => {
    const pages = [
      { url: '/posts/short', keys: ['post-short'] },
      { url: '/posts/long', keys: [`post-${'x'.repeat(2000)}`] },
    ];
    const file = renderHeadersFile(exampleRules, 'cloudflare', pages);
    expect(file.warning).toMatch(/\/posts\/long .*2000 characters a line .*developers\.cloudflare\.com.*every page's keys are left out.*edge worker/);
    expect(file.text).toContain(`# ${file.warning}`);
    expect([headerBlocks(file.text).has('/posts/short'), headerBlocks(file.text).has('/posts/long')]).toEqual([false, false]);
    expect(Math.max(...file.text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(2000);
  });

  it('documents headers-cap as what the file does: every page\'s keys left out, and the edge worker instead', () => {
    const code = SITE_DIAGNOSTIC_CODES['headers-cap'];
    expect(code.meaning).toMatch(/every page's key block is left out/);
    expect(code.meaning).toMatch(/2,000 characters a line/);
    expect(code.fix).toMatch(/edge worker/);
  });
});
