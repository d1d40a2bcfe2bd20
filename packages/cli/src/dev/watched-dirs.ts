import path from 'node:path';
import fg from 'fast-glob';

/** Whether `file` is `dir` or inside it (both absolute). */
export function isInside(dir: string, file: string): boolean {
  return file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

/**
 * The folders to watch for content globs, absolute: each glob's static base (where a new post
 * would appear), every folder below it when the glob reaches into subfolders (`content/**\/*.txt`,
 * so a post saved into a new folder is seen), and each matched file's own. Folders are watched
 * rather than files because an editor's atomic save replaces the file, and a watch on the old
 * file would go deaf. fast-glob finds them, as it finds the posts for the build, so the two agree
 * on what a glob means (dot folders are skipped by both). Nothing in `ignore` (the out dir, which
 * every build writes to) is watched.
 */
export async function watchedDirs(patterns: readonly string[], cwd: string, ignore: string): Promise<Set<string>> {
  const dirs = new Set<string>();
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    for (const task of fg.generateTasks([pattern], { cwd })) {
      const base = path.resolve(cwd, task.base);
      dirs.add(base);
      const rest = task.base === '.' ? pattern : pattern.slice(task.base.length + 1);
      if (!task.dynamic || !(rest.includes('/') || rest.includes('**'))) continue;
      for (const dir of await fg('**', { cwd: base, onlyDirectories: true, absolute: true, suppressErrors: true })) dirs.add(path.resolve(dir));
    }
  }
  for (const file of await fg([...patterns], { cwd, onlyFiles: true, absolute: true, suppressErrors: true })) dirs.add(path.dirname(path.resolve(file)));
  for (const dir of dirs) if (isInside(ignore, dir)) dirs.delete(dir);
  return dirs;
}
