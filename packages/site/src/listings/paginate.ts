/** Posts per listing page when a site does not say. */
export const DEFAULT_PAGE_SIZE = 20;

/** Why `size` cannot be a page size (a whole number from 1), or undefined when it can. */
export function pageSizeProblem(size: number): string | undefined {
  return Number.isSafeInteger(size) && size >= 1 ? undefined : `a page size is a whole number of posts from 1; found ${size}`;
}

/**
 * How many pages a listing of `entries` posts has at `pageSize` a page: at least 1, since an empty
 * listing still has its page (it says there are no posts yet). Throws a `RangeError` for a page
 * size that is not a whole number from 1.
 *
 * @example
 * pageCount(41, 20); // 3
 * pageCount(0, 20); // 1
 */
export function pageCount(entries: number, pageSize: number = DEFAULT_PAGE_SIZE): number {
  const problem = pageSizeProblem(pageSize);
  if (problem !== undefined) throw new RangeError(problem);
  return Math.max(1, Math.ceil(entries / pageSize));
}

/** The entries on page `page` (from 1), or undefined for a page the listing does not have. */
export function entriesOnPage<T>(entries: readonly T[], page: number, pageSize: number = DEFAULT_PAGE_SIZE): T[] | undefined {
  if (!Number.isSafeInteger(page) || page < 1 || page > pageCount(entries.length, pageSize)) return undefined;
  return entries.slice((page - 1) * pageSize, page * pageSize);
}
