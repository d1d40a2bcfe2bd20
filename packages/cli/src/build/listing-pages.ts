import { html, raw, type Html } from '@alphanode/renderer';
import type { PageSettings } from './page-settings.ts';
import { postUrl, topicUrl } from './site-paths.ts';

/** What a listing shows of one post: all it needs, so a listing is rewritten only when this changes. */
export interface ListingItem {
  slug: string;
  title: string;
  topic: string;
}

function page(settings: PageSettings, title: string, body: Html): string {
  const styles = settings.stylesheets.map((href) => html`<link rel="stylesheet" href="${href}">`);
  return html`<!doctype html>
<html lang="${settings.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${settings.siteName}</title>
${styles}
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`.value;
}

function list(items: readonly ListingItem[]): Html {
  if (items.length === 0) return raw('<p>No posts yet.</p>');
  return html`<ul>
${items.map((item) => html`<li><a href="${postUrl(item.slug)}">${item.title}</a></li>\n`)}</ul>`;
}

/** The home page: every topic, then every post, by title. */
export function renderIndexPage(items: readonly ListingItem[], settings: PageSettings): string {
  const topics = [...new Set(items.map((item) => item.topic))].sort();
  const topicList = html`<ul>
${topics.map((topic) => html`<li><a href="${topicUrl(topic)}">${topic}</a></li>\n`)}</ul>`;
  return page(settings, 'All posts', html`<h1>${settings.siteName}</h1>
<h2>Topics</h2>
${topicList}
<h2>Posts</h2>
${list(items)}`);
}

/** One topic's page: its posts, by title. */
export function renderTopicPage(topic: string, items: readonly ListingItem[], settings: PageSettings): string {
  return page(settings, topic, html`<h1>${topic}</h1>
<p><a href="/">All posts</a></p>
${list(items)}`);
}
