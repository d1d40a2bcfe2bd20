import { expect } from 'vitest';
import type { Manifest } from '../src/manifest/manifest.ts';
import type { SiteRoutes } from '../src/routes/site-routes.ts';

/** Every post's `topic-` keys are exactly the one its topic page carries. */
export function expectTopicKeysAgree(manifest: Manifest, routes: SiteRoutes): void {
  for (const entry of Object.values(manifest.posts)) {
    const topicPage = manifest.listings.find((output) => output.url === routes.topicUrl(manifest.topics[entry.topic] as string));
    const pageKeys = topicPage?.keys.filter((key) => key.startsWith('topic-'));
    expect(pageKeys?.length, entry.topic).toBe(1);
    for (const output of entry.outputs) expect(output.keys.filter((key) => key.startsWith('topic-')), `${output.url} in ${JSON.stringify(entry.topic)}`).toEqual(pageKeys);
  }
}
