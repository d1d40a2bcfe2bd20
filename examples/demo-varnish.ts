// The cache half of `pnpm demo`: a real Varnish with the example VCL in front of the Express
// example, and a short script of curl commands that shows a MISS then a HIT, a logged-in request
// passing through, and a one-post purge that evicts only that post's pages.
import type { SiteRoutes } from '../packages/site/src/routes/site-routes.ts';
import { findVarnishd, startVarnish, type RunningVarnish } from './express/src/varnish/start-varnish.ts';

export interface DemoUrls {
  /** The Express example (Varnish's backend). */
  origin: string;
  varnish: string;
  /** Two post pages, as paths. */
  post: string;
  other: string;
  /** The post's slug, for the purge route. */
  slug: string;
  adminToken: string;
}

/** Varnish in front of `backendPort`, or why it cannot start (and how to get it). */
export async function startDemoVarnish(backendPort: number, port: number): Promise<{ ok: true; varnish: RunningVarnish } | { ok: false; message: string }> {
  const found = findVarnishd();
  if (!found.ok) return { ok: false, message: `${found.message}; serving without it` };
  try {
    return { ok: true, varnish: await startVarnish({ backendPort, port }) };
  } catch (error) {
    return { ok: false, message: `varnishd did not start (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); serving without it` };
  }
}

/** A post page the demo points at: its path, and its slug (what the purge route takes). */
export interface DemoPost {
  path: string;
  slug: string;
}

/**
 * The post pages a page links to, in order, each once: the site's routes say which links are post
 * pages (not their JSON, not listings) and what their slugs are, so no URL shape is assumed here.
 */
export function postLinks(html: string, routes: Pick<SiteRoutes, 'match'>): DemoPost[] {
  const posts = new Map<string, DemoPost>();
  for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
    const path = href as string;
    const route = routes.match(path);
    if (route?.kind === 'post' && route.representation === 0 && !posts.has(path)) posts.set(path, { path, slug: route.slug });
  }
  return [...posts.values()];
}

/** The first two post pages the origin's home page links to. */
export async function twoPosts(origin: string, routes: Pick<SiteRoutes, 'match'>): Promise<[DemoPost, DemoPost]> {
  const [first, second] = postLinks(await (await fetch(`${origin}/`)).text(), routes);
  if (first === undefined || second === undefined) throw new Error('the home page links to fewer than two posts');
  return [first, second];
}

/** The walkthrough, as commands to paste. */
export function walkthrough(urls: DemoUrls): string {
  const { origin, varnish, post, other, slug, adminToken } = urls;
  const head = (url: string, extra = '') => `curl -sI ${extra}${url} | grep -iE '^(x-cache|age|cache-control):'`;
  return [
    `Varnish (the example VCL) on ${varnish}, in front of the Express example on ${origin}. Try:`,
    '',
    '  # 1. A post through Varnish: a MISS, then a HIT (Age grows); and a second post, now cached too',
    `  ${head(`${varnish}${post}`)}`,
    `  ${head(`${varnish}${post}`)}`,
    `  ${head(`${varnish}${other}`)}`,
    '  # The purge keys the origin tags it with (the VCL hides them from visitors)',
    `  curl -sI ${origin}${post} | grep -i '^xkey:'`,
    '  # 2. Logged in: passed to the origin every time, private, never a HIT',
    `  ${head(`${varnish}${post}`, "-H 'Cookie: session=ada' ")}`,
    '  # 3. Purge that one post (its page, its JSON, and listings only if their bytes change)',
    `  curl -s -X POST -H 'Authorization: Bearer ${adminToken}' -H 'Content-Type: application/json' -d '{"slug":"${slug}"}' ${origin}/admin/purge`,
    `  ${head(`${varnish}${post}`)}   # MISS: purged`,
    `  ${head(`${varnish}${other}`)}   # HIT: another post stays cached`,
    '',
  ].join('\n');
}
