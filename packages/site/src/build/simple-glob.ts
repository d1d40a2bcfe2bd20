import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// `dir/*.ext`: a folder path, then `*` and a literal suffix (or `*` alone), each of letters, digits,
// `.`, `_`, `-` and spaces only: every other character may mean something to fast-glob (`|`, `"`).
const SIMPLE = /^((?:[\p{L}\p{N}._ -]+\/)*)\*([\p{L}\p{N}._-]*)$/u;

/**
 * The files one pattern of the shape `dir/*.ext` lists in `cwd`, as fast-glob lists them with
 * `onlyFiles` (no dotfiles, a symlink counted as what it points to), from one `readdir`; undefined
 * for any other pattern, or when the folder cannot be read as plainly (fast-glob decides then). The
 * shape nearly every site passes (`content/*.txt`), listed without fast-glob's matcher: at 10,000
 * posts about 15 ms instead of 30-80 ms in a fresh process.
 */
export function listSimpleGlob(pattern: string, cwd: string): string[] | undefined {
  const match = SIMPLE.exec(pattern);
  if (match == null || path.posix.normalize(pattern) !== pattern || pattern.startsWith('../') || pattern.startsWith('/')) return undefined;
  const [, dir = '', suffix = ''] = match;
  let entries;
  try {
    entries = readdirSync(path.resolve(cwd, dir === '' ? '.' : dir), { withFileTypes: true });
  } catch (error) {
    // No such folder lists nothing, as fast-glob has it; anything else is fast-glob's to report.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? [] : undefined;
  }
  const files: string[] = [];
  for (const entry of entries) {
    const { name } = entry;
    if (name.startsWith('.') || !name.endsWith(suffix)) continue;
    const isFile = entry.isFile() || (entry.isSymbolicLink() ? linksToFile(path.resolve(cwd, dir, name)) : false);
    if (isFile === undefined) return undefined;
    if (isFile) files.push(`${dir}${name}`);
  }
  return files;
}

/** Whether a symlink leads to a file (false when it dangles); undefined when that cannot be told. */
function linksToFile(link: string): boolean | undefined {
  try {
    return statSync(link, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return undefined;
  }
}
