import type { Block } from '@alphanode/parser';
import { describe, expect, it } from 'vitest';
import { seedPost } from '../../test/seeds.ts';
import { createReport } from '../render-report.ts';
import { bodyImages } from './body-images.ts';
import { renderBody } from './render-body.ts';

const render = (body: Block[]) => renderBody(body, [], 'python');

describe('renderBody', () => {
  it('puts each heading in an h2 that opens a section labelled by it, closed at the next heading', () => {
    const out = render([
      { type: 'paragraph', text: 'intro.' },
      { type: 'heading', text: 'first' },
      { type: 'paragraph', text: 'a.' },
      { type: 'heading', text: 'first' },
    ]);
    expect(out).toBe(
      '<p>intro.</p>\n<section aria-labelledby="section-first">\n<h2 id="section-first">first</h2>\n<p>a.</p>\n</section>\n' +
        '<section aria-labelledby="section-first-2">\n<h2 id="section-first-2">first</h2>\n</section>\n',
    );
  });

  it('keeps code whitespace, escapes it, and names its language in the class', () => {
    const code = "def f():\n\tif a < b:\n        return {'ok': True}\n\n    x = 1";
    expect(render([{ type: 'code', code, lang: 'python' }])).toBe(
      `<pre><code class="language-python">def f():\n\tif a &lt; b:\n        return {'ok': True}\n\n    x = 1</code></pre>\n`,
    );
    expect(renderBody([{ type: 'code', code: 'ls' }], [], 'bash')).toBe('<pre><code class="language-bash">ls</code></pre>\n');
    expect(renderBody([{ type: 'code', code: 'ls' }], [], '')).toBe('<pre><code>ls</code></pre>\n');
  });

  it('renders lists with escaped items', () => {
    expect(render([{ type: 'list', items: ['a', '<b>'] }])).toBe('<ul><li>a</li><li>&lt;b&gt;</li></ul>\n');
  });

  it('renders images as figure with alt from the caption, lazy and async, sized from the URL', () => {
    const post = seedPost(1);
    const report = createReport();
    const out = renderBody(post.body, bodyImages(post, report), 'python');
    expect(report.droppedUrls).toEqual([]);
    expect(out).toContain(
      '<figure><img src="https://loremflickr.com/1200/630/code,developer?lock=3493" alt="improving asset delivery with python services visual reference 2" width="1200" height="630" loading="lazy" decoding="async">' +
        '<figcaption>improving asset delivery with python services visual reference 2 <span class="image-source">image source: loremflickr.com</span></figcaption></figure>',
    );
    expect(out.match(/<img /g)).toHaveLength(3);
  });

  it('drops an image URL outside the policy, keeps the caption in a placeholder, and reports it with its body path', () => {
    const post = seedPost(1);
    const image = post.body.findIndex((block) => block.type === 'image');
    post.body[image] = { type: 'image', caption: 'c "q"', source: 's', url: 'javascript:alert(1)' };
    const report = createReport();
    const out = renderBody(post.body, bodyImages(post, report), 'python');
    expect(report.droppedUrls).toEqual([{ path: `body.${image}.url`, url: 'javascript:alert(1)', reason: 'scheme' }]);
    expect(out).toContain('<figure class="no-image"><figcaption>c &quot;q&quot; <span class="image-source">image source: s</span></figcaption></figure>');
    expect(out).not.toContain('javascript:');
  });

  it('renders an image without a URL (its source only a host name) as its caption in a placeholder, and reports nothing', () => {
    const report = createReport();
    const post = { ...seedPost(0), body: [{ type: 'image', caption: 'c', source: '' } as Block, { type: 'image', caption: 'd', source: 'dummyimage.com' } as Block] };
    expect(renderBody(post.body, bodyImages(post, report), 'python')).toBe(
      '<figure class="no-image"><figcaption>c</figcaption></figure>\n<figure class="no-image"><figcaption>d <span class="image-source">image source: dummyimage.com</span></figcaption></figure>\n',
    );
    expect(report.droppedUrls).toEqual([]);
  });
});
