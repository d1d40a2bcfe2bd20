import type { Post } from '@alphanode/parser';
import { bodyImages, type SafeImage } from '../body/body-images.ts';
import { renderBody } from '../body/render-body.ts';
import { jsonLdScript } from '../head/json-ld.ts';
import { postFacts } from '../head/post-facts.ts';
import { headBasics, socialTags, stylesheetLinks, type HeadInput } from '../head/render-head.ts';
import { escapeHtml } from '../html/escape.ts';
import { isHtml, raw } from '../html/html.ts';
import { dateHtml, numberHtml } from '../meta/format-value.ts';
import { isFolded } from '../meta/meta-layout.ts';
import { metaBoxHtml, metaRows } from '../meta/render-meta-box.ts';
import type { RenderContext, RenderOptions } from '../options.ts';
import type { RenderReport } from '../render-report.ts';
import { canonicalUrl, checkBase } from './canonical-url.ts';
import { similarNav } from './similar-nav.ts';

/** The parts of a page, rendered; the layout puts them together. */
export interface PageParts {
  context: RenderContext;
  head: string;
  article: string;
  similar: string;
}

/** What an override returned, as markup: a plain string from untyped code is text, so it is escaped. */
export const fromOverride = (value: unknown): string => (isHtml(value) ? value.value : escapeHtml(String(value)));

function headHtml(input: HeadInput, images: readonly SafeImage[], context: RenderContext, report: RenderReport): string {
  const { options } = context;
  const basics = headBasics(input);
  const social = socialTags(input);
  const jsonLd = jsonLdScript({ ...input, images });
  const stylesheets = stylesheetLinks(options.stylesheets, report);
  const whole = basics + social + stylesheets + jsonLd;
  if (options.head === undefined) return whole;
  return fromOverride(options.head({ default: raw(whole), basics: raw(basics), social: raw(social), jsonLd: raw(jsonLd), stylesheets: raw(stylesheets) }, context));
}

function articleHeader(post: Post, titleHtml: string, context: RenderContext): string {
  const { meta } = post;
  let info = '';
  if (meta.revision?.lastReviewed !== undefined) info += `last reviewed ${dateHtml(meta.revision.lastReviewed)}`;
  if (typeof meta.readingTime === 'number') info += `${info === '' ? '' : ' · '}${numberHtml(meta.readingTime, context.lang)} min read`;
  return `<header>\n<h1>${titleHtml}</h1>\n${info === '' ? '' : `<p class="post-info">${info}</p>\n`}</header>\n`;
}

function metaBox(post: Post, context: RenderContext): string {
  const { options } = context;
  const rows = metaRows(post.meta, context.lang);
  const box = metaBoxHtml(rows, options.metaBoxTitle ?? 'Post meta');
  if (options.metaBox === undefined) return box;
  const fields = rows.map((row) => ({ label: row.label, key: row.key, value: raw(row.value), folded: isFolded(row.key) }));
  return fromOverride(options.metaBox({ default: raw(box), fields }, context));
}

/**
 * Works out everything a page needs once (URL checks, images, dates), then renders each part;
 * `withHead` false renders the article alone.
 */
export function renderParts(post: Post, options: RenderOptions, report: RenderReport, withHead: boolean): PageParts {
  const lang = options.lang ?? 'en';
  const canonical = canonicalUrl(options.baseUrl, options.path, report);
  const context: RenderContext = { post, options, lang, canonical };
  const images = bodyImages(post, report);
  const titleHtml = escapeHtml(post.title);
  const article = `<article class="post">\n${articleHeader(post, titleHtml, context)}${renderBody(post.body, images, post.meta.codeLanguage)}${metaBox(post, context)}</article>\n`;
  if (!withHead) return { context, head: '', article, similar: '' };
  const similar = similarNav(post.similar, options.similar, report);
  const safeImages = images.filter((image) => image !== undefined);
  const siteName = options.siteName === '' ? undefined : options.siteName;
  const facts = postFacts(post, options.datePublished);
  const input: HeadInput = { post, facts, canonical, lang, siteName, image: safeImages[0], titleHtml, summaryHtml: escapeHtml(post.meta.summary) };
  return { context, head: headHtml(input, safeImages, context, report), article, similar };
}

/** The site name as the page header, when there is one; it links to `baseUrl` when that passes the policy, else to `/`. */
export function siteHeader(options: RenderOptions): string {
  if (options.siteName === undefined || options.siteName === '') return '';
  const base = options.baseUrl === undefined ? undefined : checkBase(options.baseUrl);
  const home = base?.ok === true ? base.href : '/';
  return `<header class="site-header">\n<p class="site-name"><a href="${escapeHtml(home)}">${escapeHtml(options.siteName)}</a></p>\n</header>\n`;
}
