import { html, raw, type Html, type LayoutParts, type RenderContext } from '@alphanode/renderer';
import type { ListingPageOptions } from '@alphanode/site';

/** Who a page is for: undefined for everyone (the page a shared cache may keep), a name when logged in. */
export type Viewer = string | undefined;

export const SITE_NAME = 'alphanode express example';

/** The site header, with a greeting only on a logged-in visitor's page. */
export function siteHeader(viewer: Viewer): Html {
  const greeting = viewer === undefined ? raw('') : html`\n<p class="greeting">Welcome back, ${viewer}</p>`;
  return html`<header class="site-header">
<p class="site-name"><a href="/">${SITE_NAME}</a></p>${greeting}
</header>`;
}

/** The renderer's `layout` override for post pages: its parts inside our header. */
export function postLayout(viewer: Viewer): (parts: LayoutParts, context: RenderContext) => Html {
  return (parts, context) => html`<!DOCTYPE html>
<html lang="${context.lang}">
<head>
${parts.head}</head>
<body>
${siteHeader(viewer)}
<main>
${parts.article}${parts.similar}</main>
</body>
</html>
`;
}

/**
 * The `layout` of `@alphanode/site`'s listing pages (home, a topic): their body inside our header,
 * with a greeting for a logged-in `viewer`.
 */
export function listingLayout(viewer: Viewer): (page: { title: string; body: Html }, options: ListingPageOptions) => string {
  return (page, options) => {
    const styles = (options.stylesheets ?? []).map((href) => html`<link rel="stylesheet" href="${href}">\n`);
    return html`<!DOCTYPE html>
<html lang="${options.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · ${options.siteName}</title>
${styles}</head>
<body>
${siteHeader(viewer)}
<main>
${page.body}
</main>
</body>
</html>
`.value;
  };
}
