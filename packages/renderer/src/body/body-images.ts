import type { Post } from '@alphanode/parser';
import { checkUrl } from '../html/safe-url.ts';
import type { RenderReport } from '../render-report.ts';
import { imageSize } from './image-size.ts';

/** An image the page may load: its URL passed the policy. */
export interface SafeImage {
  href: string;
  alt: string;
  width?: number;
  height?: number;
}

/**
 * The body's images, checked once per render so that the body, the Open Graph tags and JSON-LD
 * agree: `images[i]` is set for each body index `i` whose image URL passed `checkUrl`. Each refused
 * URL is recorded in the report with its body path.
 */
export function bodyImages(post: Post, report: RenderReport): (SafeImage | undefined)[] {
  const images: (SafeImage | undefined)[] = [];
  const { body } = post;
  for (let i = 0; i < body.length; i++) {
    const block = body[i] as Post['body'][number];
    if (block.type !== 'image' || block.url === undefined) continue;
    const check = checkUrl(block.url);
    if (!check.ok) {
      report.droppedUrls.push({ path: `body.${i}.url`, url: block.url, reason: check.reason });
      continue;
    }
    const size = imageSize(check.href);
    const image: SafeImage = { href: check.href, alt: block.caption };
    if (size.width !== undefined) image.width = size.width;
    if (size.height !== undefined) image.height = size.height;
    images[i] = image;
  }
  return images;
}
