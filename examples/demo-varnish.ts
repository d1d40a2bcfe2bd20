// The cache half of `pnpm demo`: a real Varnish with the example VCL in front of the Express
// example, and a short script of curl commands that shows a MISS then a HIT, a logged-in request
// passing through, and a one-post purge that evicts only that post's pages.
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

/** The first two post paths the origin's home page links to. */
export async function twoPosts(origin: string): Promise<[string, string]> {
  const home = await (await fetch(`${origin}/`)).text();
  const paths = [...new Set([...home.matchAll(/href="(\/posts\/[^"./]+)"/g)].map((match) => match[1] as string))];
  if (paths.length < 2) throw new Error('the home page links to fewer than two posts');
  return [paths[0] as string, paths[1] as string];
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
