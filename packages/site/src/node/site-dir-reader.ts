import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteFileReader } from '../http/site-handler.ts';

/**
 * The files of a built site in a directory (`buildSite`'s out dir), for `createSiteHandler`. A file
 * that is missing, unreadable, or would be outside `dir` reads as undefined: a 404, never an error.
 *
 * @example
 * const handler = createSiteHandler({ read: siteDirReader('dist'), engine });
 */
export function siteDirReader(dir: string): SiteFileReader {
  const root = path.resolve(dir);
  return async (file) => {
    const absolute = path.resolve(root, file);
    if (!absolute.startsWith(root + path.sep)) return undefined;
    try {
      return await readFile(absolute, 'utf8');
    } catch {
      return undefined;
    }
  };
}
