import { html, raw, type Html } from '@alphanode/renderer';
import type { SitePost } from './site-data.ts';
import type { Site, Topic } from './site.ts';

// Every interpolated value goes through `html`, which escapes it: titles and topics are imported,
// machine-written text, never markup.
function page(site: Site, title: string, body: Html): string {
  const styles = site.stylesheets.map((href) => html`<link rel="stylesheet" href="${href}">\n`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${site.siteName}</title>
${styles}</head>
<body>
<main>
${body}
</main>
</body>
</html>
`.value;
}

function list(items: readonly SitePost[]): Html {
  if (items.length === 0) return raw('<p>No posts yet.</p>');
  return html`<ul>
${items.map((item) => html`<li><a href="/posts/${item.slug}">${item.post.title}</a></li>\n`)}</ul>`;
}

/** The home page: every topic, then every post, by title. */
export function renderIndexPage(site: Site): string {
  const topics = [...site.topics.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return page(
    site,
    'All posts',
    html`<h1>${site.siteName}</h1>
<h2>Topics</h2>
<ul>
${topics.map((topic) => html`<li><a href="/topics/${topic.slug}">${topic.name}</a> (${topic.posts.length})</li>\n`)}</ul>
<h2>Posts</h2>
${list(site.byTitle)}`,
  );
}

/** One topic's page: its posts, by title. */
export function renderTopicPage(site: Site, topic: Topic): string {
  return page(
    site,
    topic.name,
    html`<h1>${topic.name}</h1>
<p><a href="/">All posts</a></p>
${list(topic.posts)}`,
  );
}
