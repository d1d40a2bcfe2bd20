import { statSync, watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside, watchedDirs } from './watched-dirs.ts';

/** Past this many changes in one rebuild, `refresh` globs instead of statting each. */
const MAX_STATTED_CHANGES = 64;

/** What `watchSources` watches, and whom it tells. */
export interface WatchSourcesOptions {
  /** The content globs, as the build reads them. */
  patterns: readonly string[];
  cwd: string;
  /** The build's out dir (absolute): never watched, since every build writes to it. */
  outDir: string;
  /** Single files to watch besides the content (the rules), absolute. */
  files?: readonly string[];
  /** Called with the absolute path of each change (a folder's own path when the system names no file). */
  onChange(file: string): void;
  /** Called when a folder cannot be watched (gone, or the system's watch limit reached). */
  onError?(dir: string, error: Error): void;
}

/** The live watches: `refresh` after a rebuild, `close` to stop. */
export interface SourceWatcher {
  /**
   * Watches the folders the globs reach now, and stops watching those they no longer do. A folder
   * watched for the first time counts as a change, since a post may have been saved into it
   * before its watch began. Given the changes a rebuild was for, it looks only when one of them
   * could have moved the folders (a folder, or a path outside the watched ones) or a wanted folder
   * is not watched yet: a save changes none, and globbing every post again would delay the
   * reloading page that asks for it just then.
   */
  refresh(changes?: readonly string[]): Promise<void>;
  /** The folders watched now. */
  dirs(): string[];
  close(): void;
}

/**
 * Watches content folders and single files with `node:fs` `watch`, one watch per folder: no
 * dependency, and inotify on Linux, FSEvents on macOS. A watched folder reports every change in
 * it, so new posts are seen; in a folder watched only for a single file (the rules' folder),
 * only that file counts. Names starting with "." are skipped outside single files: editors' swap
 * files, and never a post, since the build's glob skips them too.
 */
export async function watchSources(options: WatchSourcesOptions): Promise<SourceWatcher> {
  const watchers = new Map<string, FSWatcher>();
  /**
   * The folder each watch was opened on: a folder removed and made again under the same path is
   * another one. By inode and birth time: ext4 gives the new folder the freed inode at once.
   */
  const identities = new Map<string, string>();
  const identity = (dir: string) => {
    const stats = statSync(dir, { throwIfNoEntry: false });
    return stats && `${stats.ino}:${stats.birthtimeMs}`;
  };
  const singles = new Map<string, Set<string>>();
  for (const file of options.files ?? []) {
    const dir = path.dirname(file);
    singles.set(dir, (singles.get(dir) ?? new Set()).add(path.basename(file)));
  }
  let content = new Set<string>();
  let closed = false;
  let first = true;
  /** Whether every folder the last glob wanted is watched: one that was missing (a glob's base not made yet) or dropped on an error is looked for again by the next refresh. */
  let complete = false;

  const onEvent = (dir: string, name: string | null) => {
    const only = content.has(dir) ? undefined : singles.get(dir);
    if (name == null) {
      if (only === undefined) options.onChange(dir);
      return;
    }
    if (only !== undefined ? !only.has(name) : name.startsWith('.')) return;
    const file = path.join(dir, name);
    if (!isInside(options.outDir, file)) options.onChange(file);
  };

  const open = (dir: string): boolean => {
    try {
      const watcher = watch(dir, { persistent: true }, (_event, name) => onEvent(dir, name));
      watcher.on('error', (error) => {
        // A folder removed, for one; the rebuild its parent's event starts refreshes the watches.
        watcher.close();
        if (watchers.get(dir) === watcher) watchers.delete(dir);
        complete = false;
        options.onError?.(dir, error);
      });
      watchers.set(dir, watcher);
      identities.set(dir, identity(dir) ?? '');
      return true;
    } catch (error) {
      // A glob's base that does not exist yet is not an error: it is watched once it does.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.onError?.(dir, error as Error);
      return false;
    }
  };

  /**
   * Whether the folders to watch cannot have changed: each change is a file (saved, added or
   * removed) in a watched folder, and every wanted folder is watched. Many changes at once (a
   * checkout) are globbed rather than statted one by one.
   */
  const onlyFiles = async (changes: readonly string[]): Promise<boolean> => {
    if (!complete || changes.length > MAX_STATTED_CHANGES) return false;
    for (const change of changes) {
      if (watchers.has(change) || !watchers.has(path.dirname(change))) return false;
      if ((await stat(change).catch(() => undefined))?.isDirectory() === true) return false;
    }
    return true;
  };

  const refresh = async (changes?: readonly string[]) => {
    // A watch on a folder that was removed goes deaf without an error (Linux): one made again in
    // its place (`rm -rf` then `mkdir`, a checkout) is watched anew, and counts as a change.
    for (const change of changes ?? []) {
      const watcher = watchers.get(change);
      if (watcher === undefined || identity(change) === identities.get(change)) continue;
      watcher.close();
      watchers.delete(change);
    }
    if (changes !== undefined && (await onlyFiles(changes))) return;
    const next = await watchedDirs(options.patterns, options.cwd, options.outDir);
    if (closed) return;
    content = next;
    const wanted = new Set([...next, ...singles.keys()]);
    for (const [dir, watcher] of watchers) {
      if (wanted.has(dir)) continue;
      watcher.close();
      watchers.delete(dir);
    }
    const added: string[] = [];
    for (const dir of wanted) if (!watchers.has(dir) && open(dir)) added.push(dir);
    complete = [...wanted].every((dir) => watchers.has(dir));
    if (!first) for (const dir of added) if (next.has(dir)) options.onChange(dir);
    first = false;
  };

  await refresh();
  return {
    refresh,
    dirs: () => [...watchers.keys()].sort(),
    close() {
      closed = true;
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
