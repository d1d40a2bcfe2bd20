import { DEFAULT_PAGE_SIZE } from '../listings/paginate.ts';

/** Site-wide settings every page depends on; a change to them rebuilds every page. */
export interface PageSettings {
  siteName: string;
  /** Origin (and base path) of the deployed site, for canonical URLs; none for a local preview. */
  baseUrl?: string;
  lang: string;
  /** The site's own stylesheets (paths from the root or http(s) URLs), linked after the theme. */
  stylesheets: string[];
  /**
   * Link the renderer's default theme, written once as `assets/theme.<hash>.css`; true by default,
   * false for a site that brings all of its own CSS.
   */
  theme: boolean;
  /** Posts per listing page (home and each topic); `DEFAULT_PAGE_SIZE`, 20, by default. */
  pageSize: number;
}

export const DEFAULT_PAGE_SETTINGS: PageSettings = { siteName: 'alphanode', lang: 'en', stylesheets: [], theme: true, pageSize: DEFAULT_PAGE_SIZE };
