import type { Post } from '@alphanode/parser';

/** A few lines about a post for a person at a terminal; `--json` gives the whole post. */
export function describePost(post: Post): string {
  const counts = new Map<string, number>();
  for (const block of post.body) counts.set(block.type, (counts.get(block.type) ?? 0) + 1);
  const kinds = ['paragraph', 'heading', 'list', 'code', 'image'].map((type) => `${counts.get(type) ?? 0} ${type}`).join(', ');
  return [
    `title: ${post.title}`,
    `body: ${post.body.length} blocks (${kinds})`,
    `topic: ${post.meta.topic}`,
    `code language: ${post.meta.codeLanguage}`,
    `similar posts: ${post.similar.length}`,
    '',
  ].join('\n');
}
