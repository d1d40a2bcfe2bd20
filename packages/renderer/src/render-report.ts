import type { UrlDropReason } from './html/safe-url.ts';

/** A URL the renderer refused, and where it came from. */
export interface DroppedUrl {
  /** Where the URL was: `body.3.url` for an image, `options.similar.0.href`, `options.path`, `options.stylesheets.1`. */
  path: string;
  /** The value as given, for logs; never rendered. */
  url: string;
  reason: UrlDropReason;
}

/** What a render did besides producing markup: data, so an import job can count and log it. */
export interface RenderReport {
  droppedUrls: DroppedUrl[];
}

export const createReport = (): RenderReport => ({ droppedUrls: [] });
