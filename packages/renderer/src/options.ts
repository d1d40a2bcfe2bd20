import type { Post } from '@alphanode/parser';
import type { Html } from './html/html.ts';

/** A link to a related post, for the `Similar Posts` list. */
export interface SimilarLink {
  title: string;
  /** An absolute `http(s)` URL or a path from the site root; the title is shown unlinked when missing or refused. */
  href?: string;
}

/** A stylesheet: its URL, or its URL with a Subresource Integrity hash and a media query. */
export type Stylesheet = string | { href: string; integrity?: string; media?: string };

/** What overrides see besides their parts: the post and the options, resolved. */
export interface RenderContext {
  post: Post;
  options: RenderOptions;
  /** `html` element language. */
  lang: string;
  /** The absolute canonical URL, when `baseUrl` and `path` give one that passes the URL policy. */
  canonical: string | undefined;
}

/** The head as the renderer would write it, and its parts, for a `head` override. */
export interface HeadParts {
  /** Everything below, in order: write `${parts.default}${extra}` to add to the head. */
  default: Html;
  /** charset, viewport, title, description, canonical. */
  basics: Html;
  /** Open Graph and Twitter tags. */
  social: Html;
  /** The JSON-LD `BlogPosting` script. */
  jsonLd: Html;
  stylesheets: Html;
}

/** One row of the meta box: the format's label and the rendered value (`dd` content). */
export interface MetaBoxField {
  label: string;
  /** The `PostMeta` key, or `extra.<label>` for a field the parser did not know. */
  key: string;
  value: Html;
  /** Whether the default box puts the row in its `More details` fold rather than open. */
  folded: boolean;
}

/** The meta box as the renderer would write it, and its rows, for a `metaBox` override to reuse or rearrange. */
export interface MetaBoxParts {
  /** The meta box as the renderer would write it. */
  default: Html;
  fields: readonly MetaBoxField[];
}

/** A page's rendered parts, for a `layout` override to place in a document of its own. */
export interface LayoutParts {
  /** The inside of `<head>`. */
  head: Html;
  /** `<article>`: header, body, meta box. */
  article: Html;
  /** The `Similar Posts` navigation; empty when there is nothing to list. */
  similar: Html;
}

/**
 * Configures the render functions: the site and URL the head names, language, stylesheets, related posts,
 * and overrides that replace the layout, head or meta box.
 */
export interface RenderOptions {
  /** Appended to the `<title>`, and `og:site_name`, publisher in JSON-LD. */
  siteName?: string;
  /** The site's origin (and base path), e.g. `https://blog.example`; with `path` it makes the canonical URL. */
  baseUrl?: string;
  /** The post's path on the site, e.g. `/posts/improving-asset-delivery`. */
  path?: string;
  /** BCP 47 language of the page; default `en`. */
  lang?: string;
  /** Stylesheets (absolute `http(s)` URLs or paths from the site root), linked in order. */
  stylesheets?: readonly Stylesheet[];
  /** Related posts to link, e.g. from `similarPosts`; merged with the titles the post lists itself. */
  similar?: readonly SimilarLink[];
  /** `YYYY-MM-DD` or an ISO date-time; the format has no publication date, so JSON-LD uses `revision.last reviewed` without it. */
  datePublished?: string;
  /** Heading of the meta box; default `Post meta`. */
  metaBoxTitle?: string;
  /** Replaces the document around the parts; must return the whole document. */
  layout?: (parts: LayoutParts, context: RenderContext) => Html;
  /** Replaces the inside of `<head>`. */
  head?: (parts: HeadParts, context: RenderContext) => Html;
  /** Replaces the meta box (the `aside` inside the article). */
  metaBox?: (parts: MetaBoxParts, context: RenderContext) => Html;
}
