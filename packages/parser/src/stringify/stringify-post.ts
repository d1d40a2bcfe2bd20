import { BREADCRUMB, BULLET, IMAGE_SOURCE_SEPARATOR, META_MARKER, SIMILAR_MARKER } from '../format/markers.ts';
import type { Block } from '../schema/block-schema.ts';
import type { Post } from '../schema/post-schema.ts';
import { writeMeta } from './stringify-meta.ts';

function writeBlock(lines: string[], block: Block): void {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      lines.push(block.text);
      break;
    case 'list':
      for (const item of block.items) lines.push(BULLET + item);
      break;
    case 'code':
      lines.push(block.code);
      break;
    case 'image':
      lines.push(block.caption, block.caption + IMAGE_SOURCE_SEPARATOR + block.source);
      break;
  }
}

/**
 * Writes a post in the format. For a post read by `parsePost` the output is the input, byte for
 * byte, when the input was in the canonical layout (fields in the format's order, images directly
 * after a list or image); for any post that `PostSchema` accepts, `parsePost` reads the output back
 * to an equal post. It does not validate: check untrusted objects with `PostSchema` first.
 *
 * @example
 * const text = stringifyPost(post);
 * parsePost(text).post; // deep-equals post
 */
export function stringifyPost(post: Post): string {
  const lines: string[] = [];
  if (post.layout?.breadcrumb !== false) lines.push(BREADCRUMB, '');
  lines.push(post.title, '');
  let previous: Block | undefined;
  for (const block of post.body) {
    // Images follow a list or another image with no blank line between, as the seeds write them.
    const tight = block.type === 'image' && (previous?.type === 'list' || previous?.type === 'image');
    if (previous && !tight) lines.push('');
    writeBlock(lines, block);
    previous = block;
  }
  if (previous) lines.push('');
  lines.push(META_MARKER, '');
  writeMeta(lines, post.meta);
  lines.push('', SIMILAR_MARKER, ...post.similar);
  return lines.join('\n') + (post.layout?.finalNewline ? '\n' : '');
}
