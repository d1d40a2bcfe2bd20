const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/**
 * The Content-Type of a file the build writes, from its name: the pages, the post's JSON, the
 * sitemap, the Atom feeds (`feed.xml`, which a reader must be told is a feed), `robots.txt`
 * and the theme's stylesheet. String work, not `node:path`, so it runs at the edge.
 */
export function contentTypeOf(file: string): string {
  if (file === 'feed.xml' || file.endsWith('/feed.xml')) return 'application/atom+xml; charset=utf-8';
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return (dot === -1 ? undefined : TYPES[name.slice(dot + 1)]) ?? 'application/octet-stream';
}
