import type { Post } from '@alphanode/parser';
// The generator's Web-only entry, by path: the CLI depends on this package, so a devDependency back
// on the CLI would make a workspace cycle (and an order problem for `pnpm -r build`).
import { generatePosts } from '../../cli/src/generate/index.ts';
import { seedPost } from './seeds.ts';
import { BREAKOUT_URL, HOSTILE_TEXT, HOSTILE_URLS, hostilePost } from './fixtures/hostile-posts.ts';

/** `count` generated posts (`alphanode generate --seed`), plain or hostile. */
export const generated = (count: number, hostile: boolean, seed = 7): Post[] => generatePosts({ count, seed, hostile });

/** The hand-written hostile corpus: each payload with a hostile URL, and the breakout URL. */
export function handWritten(): { name: string; post: Post }[] {
  const seed = seedPost(1);
  const byText = HOSTILE_TEXT.map((payload, i) => ({ name: `text ${i}: ${payload}`, post: hostilePost(seed, payload, HOSTILE_URLS[i % HOSTILE_URLS.length] as string) }));
  const byUrl = HOSTILE_URLS.map((url, i) => ({ name: `url ${i}: ${url}`, post: hostilePost(seed, HOSTILE_TEXT[i % HOSTILE_TEXT.length] as string, url) }));
  return [...byText, ...byUrl, { name: 'attribute breakout in an allowed URL', post: hostilePost(seed, HOSTILE_TEXT[1] as string, BREAKOUT_URL) }];
}
