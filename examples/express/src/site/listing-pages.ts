import { html, raw, type Html } from '@alphanode/renderer';
import { listingPage, SITE_NAME, type Viewer } from './page-layout.ts';
import { topicSlug } from './slugs.ts';

/** What a listing shows of a post. */
export interface ListingItem {
  slug: string;
  title: string;
  topic: string;
}

function list(items: readonly ListingItem[]): Html {
  if (items.length === 0) return raw('<p>No posts yet.</p>');
  return html`<ul>
${items.map((item) => html`<li><a href="/posts/${item.slug}">${item.title}</a></li>\n`)}</ul>`;
}

/** The home page: every topic, then every post. */
export function renderHome(items: readonly ListingItem[], stylesheet: string, viewer: Viewer): string {
  const topics = [...new Set(items.map((item) => item.topic))].sort();
  const topicList = html`<ul>
${topics.map((topic) => html`<li><a href="/topics/${topicSlug(topic)}">${topic}</a></li>\n`)}</ul>`;
  return listingPage('All posts', html`<h1>${SITE_NAME}</h1>
<h2>Topics</h2>
${topicList}
<h2>Posts</h2>
${list(items)}`, stylesheet, viewer);
}

/** One topic's posts. */
export function renderTopic(topic: string, items: readonly ListingItem[], stylesheet: string, viewer: Viewer): string {
  return listingPage(topic, html`<h1>${topic}</h1>
<p><a href="/">All posts</a></p>
${list(items)}`, stylesheet, viewer);
}
