import { createHash } from 'node:crypto';

/** Lowercase `a-z0-9` words joined by `-`, at most 80 characters: safe in a URL path and a file name. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug === '' ? 'post' : slug;
}

/** A short stable hash, for telling apart two posts whose titles give the same slug. */
export function shortHash(text: string, length = 8): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

export const postDir = (slug: string): string => `posts/${slug}`;
export const postUrl = (slug: string): string => `/posts/${slug}`;
export const topicUrl = (topic: string): string => `/topics/${slugify(topic)}`;

/** The output file (relative to the out dir) that serves a URL path ending in `/` or a slug. */
export function htmlFileFor(url: string): string {
  const trimmed = url.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? 'index.html' : `${trimmed}/index.html`;
}
