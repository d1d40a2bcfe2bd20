import { createHash } from 'node:crypto';
import type { Stylesheet } from '@alphanode/renderer';
import { DEFAULT_THEME_CSS } from '@alphanode/renderer/theme';
import { contentHash } from './content-hash.ts';
import type { PageSettings } from './page-settings.ts';

/** The renderer's default theme as the build serves it: under a name that changes with its bytes. */
export interface ThemeAsset {
  /** `/assets/theme.<8 hex>.css`: under `/assets/*`, which the example rules cache as immutable. */
  url: string;
  /** Its Subresource Integrity hash: html-validate's recommended rules ask for one on every stylesheet. */
  integrity: string;
  content: string;
}

let asset: ThemeAsset | undefined;

/**
 * The default theme and its fingerprinted URL. The name changes whenever the CSS does (a renderer
 * upgrade), so a CDN may keep the file for a year, and the pages that link the new name are what a
 * purge plan names, never the old file's cached copy.
 */
export function themeAsset(): ThemeAsset {
  // Compared by content rather than computed once, so a test that swaps the CSS sees the new name.
  if (asset?.content !== DEFAULT_THEME_CSS) {
    const integrity = `sha384-${createHash('sha384').update(DEFAULT_THEME_CSS).digest('base64')}`;
    asset = { url: `/assets/theme.${contentHash(DEFAULT_THEME_CSS, 8)}.css`, integrity, content: DEFAULT_THEME_CSS };
  }
  return asset;
}

/**
 * The stylesheets every page and listing links: the default theme first (unless `settings.theme`
 * is false), then the site's own, which come later in the cascade and so win ties.
 */
export function linkedStylesheets(settings: PageSettings): Stylesheet[] {
  if (!settings.theme) return settings.stylesheets;
  const { url, integrity } = themeAsset();
  return [{ href: url, integrity }, ...settings.stylesheets];
}
