import { html, raw, type Html, type LayoutParts, type RenderContext } from '@alphanode/renderer';

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
