import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { ManifestPost } from './manifest.ts';

export type SourceState =
  | { kind: 'unchanged'; entry: ManifestPost }
  | { kind: 'changed'; text: string; hash: string; size: number; mtimeMs: number }
  | { kind: 'unreadable'; error: unknown };

const decoder = new TextDecoder();

/**
 * Decides whether a source file needs building. Size and mtime equal to the manifest's skip even the
 * read; otherwise the content hash decides, so a fresh clone (new mtimes) rebuilds nothing that did
 * not change. Synchronous: for thousands of small files, a round trip through the libuv pool per
 * stat and read cost about three times as much (10,000 files on tmpfs: 1.4 s async, 0.4 s sync).
 */
export function readSourceState(absolutePath: string, settings: string, previous: ManifestPost | undefined): SourceState {
  try {
    const info = statSync(absolutePath);
    if (previous && previous.size === info.size && previous.mtimeMs === info.mtimeMs) return { kind: 'unchanged', entry: previous };
    const bytes = readFileSync(absolutePath);
    const hash = createHash('sha256').update(settings).update(bytes).digest('hex').slice(0, 32);
    if (previous && previous.hash === hash) return { kind: 'unchanged', entry: { ...previous, size: info.size, mtimeMs: info.mtimeMs } };
    return { kind: 'changed', text: decoder.decode(bytes), hash, size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    return { kind: 'unreadable', error };
  }
}
