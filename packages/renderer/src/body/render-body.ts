import type { Block, ImageBlock } from '@alphanode/parser';
import { escapeHtml, escapeText } from '../html/escape.ts';
import type { SafeImage } from './body-images.ts';
import { codeClass } from './code-class.ts';
import { createHeadingIds } from './heading-ids.ts';

/**
 * An image with its caption. Without a URL the page may load (none given, or one the policy
 * refused) there is no `<img>` to break: the figure is marked `no-image`, and the theme shows the
 * caption in a placeholder of the image's place.
 */
function renderImage(block: ImageBlock, image: SafeImage | undefined): string {
  const caption = escapeHtml(block.caption);
  let out: string;
  if (image !== undefined) {
    out = `<figure><img src="${escapeHtml(image.href)}" alt="${caption}"`;
    if (image.width !== undefined) out += ` width="${image.width}"`;
    if (image.height !== undefined) out += ` height="${image.height}"`;
    out += ' loading="lazy" decoding="async">';
  } else out = '<figure class="no-image">';
  out += `<figcaption>${caption}`;
  if (block.source !== '') out += ` <span class="image-source">image source: ${escapeText(block.source)}</span>`;
  return `${out}</figcaption></figure>\n`;
}

function renderList(items: readonly string[]): string {
  let out = '<ul>';
  for (const item of items) out += `<li>${escapeText(item)}</li>`;
  return `${out}</ul>\n`;
}

/**
 * The body blocks in order. The post's title is the page's one `h1`, so every body heading is an
 * `h2` that opens a `section` (labelled by it) running to the next heading: the hierarchy stays
 * sound whatever the post holds, and each section has a stable anchor.
 */
export function renderBody(body: readonly Block[], images: readonly (SafeImage | undefined)[], defaultLanguage: string): string {
  const ids = createHeadingIds();
  let out = '';
  let open = false;
  for (let i = 0; i < body.length; i++) {
    const block = body[i] as Block;
    switch (block.type) {
      case 'heading': {
        const id = ids(block.text);
        if (open) out += '</section>\n';
        out += `<section aria-labelledby="${id}">\n<h2 id="${id}">${escapeText(block.text)}</h2>\n`;
        open = true;
        break;
      }
      case 'paragraph':
        out += `<p>${escapeText(block.text)}</p>\n`;
        break;
      case 'list':
        out += renderList(block.items);
        break;
      case 'code': {
        const className = codeClass(block.lang ?? defaultLanguage);
        out += className === '' ? '<pre><code>' : `<pre><code class="${className}">`;
        out += `${escapeText(block.code)}</code></pre>\n`;
        break;
      }
      case 'image':
        out += renderImage(block, images[i]);
        break;
    }
  }
  if (open) out += '</section>\n';
  return out;
}
