import { readFile, stat } from 'node:fs/promises';
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
  const inside = (file: string): string | undefined => {
    const absolute = path.resolve(root, file);
    return absolute.startsWith(root + path.sep) ? absolute : undefined;
  };
  const read = async (file: string) => {
    const absolute = inside(file);
    try {
      return absolute === undefined ? undefined : await readFile(absolute, 'utf8');
    } catch {
      return undefined;
    }
  };
  // The change time too: a file rewritten in place (`tar -x` over a site, with the archive's fixed
  // mtime and the same size) keeps its inode and mtime, but no tool can set ctime back.
  const stamp = async (file: string) => {
    const absolute = inside(file);
    try {
      const stats = absolute === undefined ? undefined : await stat(absolute);
      return stats && `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
    } catch {
      return undefined;
    }
  };
  return Object.assign(read, { stamp });
}
