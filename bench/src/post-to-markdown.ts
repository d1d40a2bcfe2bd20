import type { Block, Post } from '@alphanode/parser';
import { stringify } from 'yaml';

function blockToMarkdown(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `## ${block.text}`;
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'code':
      return `\`\`\`${block.lang ?? ''}\n${block.code}\n\`\`\``;
    case 'image':
      return `![${block.caption}](${block.url ?? ''} "${block.source}")`;
  }
}

/**
 * The same post as a Markdown user would keep it: the meta as YAML front matter, the body as
 * Markdown. The peers in the benchmarks read this; we read the post format.
 */
export function postToMarkdown(post: Post): string {
  const frontMatter = stringify({ title: post.title, ...post.meta, similar: post.similar });
  return `---\n${frontMatter}---\n\n${post.body.map(blockToMarkdown).join('\n\n')}\n`;
}
