/** Site-wide settings every page depends on; a change to them rebuilds every page. */
export interface PageSettings {
  siteName: string;
  /** Origin (and base path) of the deployed site, for canonical URLs; none for a local preview. */
  baseUrl?: string;
  lang: string;
  stylesheets: string[];
}

export const DEFAULT_PAGE_SETTINGS: PageSettings = { siteName: 'alphanode', lang: 'en', stylesheets: [] };
