import type { Post } from '@alphanode/parser';
import { renderPost } from '@alphanode/renderer';
import type { Site } from './site.ts';

// Five, as on the sample site: enough to browse on, few enough to stay above the fold.
const SIMILAR_LIMIT = 5;

/**
 * A post's page, rendered on request. The renderer escapes every value from the post and drops
 * URLs it refuses; related posts come from the site's similar index and link to their pages.
 */
export function renderPostPage(site: Site, slug: string, post: Post): string {
  const similar = site.similar.similar(post, { limit: SIMILAR_LIMIT }).map((hit) => {
    const item = site.corpus[hit.position];
    return item === undefined ? { title: hit.post.title } : { title: item.post.title, href: site.routes.postUrl(item.slug) };
  });
  return renderPost(post, {
    siteName: site.siteName,
    path: site.routes.postUrl(slug),
    stylesheets: site.stylesheets,
    similar,
    ...(site.baseUrl === undefined ? {} : { baseUrl: site.baseUrl }),
  });
}

/** The typed Post as JSON, the same object `parsePost` returned at build time. */
export function renderPostJson(post: Post): string {
  return `${JSON.stringify(post)}\n`;
}
