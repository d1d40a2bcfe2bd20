import type { Post } from '@alphanode/parser';
import type { SafeImage } from '../body/body-images.ts';
import { escapeHtml } from '../html/escape.ts';
import { checkLink } from '../html/safe-url.ts';
import type { Stylesheet } from '../options.ts';
import type { RenderReport } from '../render-report.ts';
import { pageTitleHtml } from './page-title.ts';
import type { PostFacts } from './post-facts.ts';

export interface HeadInput {
  post: Post;
  facts: PostFacts;
  canonical: string | undefined;
  lang: string;
  siteName: string | undefined;
  /** The first image the page may load, for the social cards. */
  image: SafeImage | undefined;
  /** The title and the summary escaped once, as the head repeats them. */
  titleHtml: string;
  summaryHtml: string;
}

const metaEscaped = (attribute: 'name' | 'property', key: string, contentHtml: string): string => `<meta ${attribute}="${key}" content="${contentHtml}">\n`;
const meta = (attribute: 'name' | 'property', key: string, content: string): string => metaEscaped(attribute, key, escapeHtml(content));

// Open Graph wants `ll_CC`; a bare language has no region to give, and its default (en_US) may be wrong.
const LOCALE = /^([a-z]{2,3})[-_]([a-z]{2})$/i;
// Enough tags for a card; more only adds bytes.
const MAX_TAGS = 12;

/** charset, viewport, title, description and canonical link. */
export function headBasics({ post, canonical, siteName, summaryHtml }: HeadInput): string {
  let out = '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n';
  out += `<title>${pageTitleHtml(post.title, siteName)}</title>\n`;
  out += metaEscaped('name', 'description', summaryHtml);
  if (canonical !== undefined) out += `<link rel="canonical" href="${escapeHtml(canonical)}">\n`;
  return out;
}

/** Open Graph (`article`) and Twitter card tags. */
export function socialTags({ post, facts, canonical, lang, siteName, image, titleHtml, summaryHtml }: HeadInput): string {
  const { topic } = post.meta;
  let out = `<meta property="og:type" content="article">\n${metaEscaped('property', 'og:title', titleHtml)}${metaEscaped('property', 'og:description', summaryHtml)}`;
  if (canonical !== undefined) out += meta('property', 'og:url', canonical);
  if (siteName !== undefined && siteName !== '') out += meta('property', 'og:site_name', siteName);
  const locale = LOCALE.exec(lang);
  if (locale != null) out += meta('property', 'og:locale', `${(locale[1] as string).toLowerCase()}_${(locale[2] as string).toUpperCase()}`);
  const altHtml = image === undefined ? '' : escapeHtml(image.alt);
  const srcHtml = image === undefined ? '' : escapeHtml(image.href);
  if (image !== undefined) {
    out += metaEscaped('property', 'og:image', srcHtml) + metaEscaped('property', 'og:image:alt', altHtml);
    if (image.width !== undefined) out += meta('property', 'og:image:width', String(image.width));
    if (image.height !== undefined) out += meta('property', 'og:image:height', String(image.height));
  }
  if (facts.published !== undefined) out += meta('property', 'article:published_time', facts.published);
  if (facts.modified !== undefined) out += meta('property', 'article:modified_time', facts.modified);
  if (topic !== undefined && topic !== '') out += meta('property', 'article:section', topic);
  for (let i = 0; i < facts.keywords.length && i < MAX_TAGS; i++) out += meta('property', 'article:tag', facts.keywords[i] as string);
  out += meta('name', 'twitter:card', image === undefined ? 'summary' : 'summary_large_image');
  out += metaEscaped('name', 'twitter:title', titleHtml) + metaEscaped('name', 'twitter:description', summaryHtml);
  if (image !== undefined) out += metaEscaped('name', 'twitter:image', srcHtml) + metaEscaped('name', 'twitter:image:alt', altHtml);
  return out;
}

const INTEGRITY = /^(?:sha(?:256|384|512)-[A-Za-z0-9+/]+={0,2}(?: +|$))+$/;

/**
 * `<link rel="stylesheet">` for each URL that passes `checkLink`; refused ones go to the report.
 * A well-formed `integrity` is kept (with `crossorigin="anonymous"`, which SRI needs on another
 * origin); html-validate's recommended rules ask for it.
 */
export function stylesheetLinks(stylesheets: readonly Stylesheet[] | undefined, report: RenderReport): string {
  if (stylesheets === undefined) return '';
  let out = '';
  for (let i = 0; i < stylesheets.length; i++) {
    const given = stylesheets[i] as Stylesheet;
    const sheet = typeof given === 'string' ? { href: given } : given;
    const check = checkLink(sheet.href);
    if (!check.ok) {
      report.droppedUrls.push({ path: `options.stylesheets.${i}`, url: sheet.href, reason: check.reason });
      continue;
    }
    out += `<link rel="stylesheet" href="${escapeHtml(check.href)}"`;
    if (sheet.integrity !== undefined && INTEGRITY.test(sheet.integrity)) out += ` integrity="${sheet.integrity}" crossorigin="anonymous"`;
    if (sheet.media !== undefined) out += ` media="${escapeHtml(sheet.media)}"`;
    out += '>\n';
  }
  return out;
}
