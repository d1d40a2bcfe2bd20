import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { ManifestPost } from './manifest.ts';

export type SourceState =
  | { kind: 'unchanged'; entry: ManifestPost }
  | { kind: 'changed'; text: string; hash: string; size: number; mtimeMs: number }
  | { kind: 'unreadable'; error: unknown };

/**
 * Decides whether a source file needs building. Size and mtime equal to the manifest's skip even the
 * read; otherwise the content hash decides, so a fresh clone (new mtimes) rebuilds nothing that did
 * not change.
 */
export async function readSourceState(absolutePath: string, settings: string, previous: ManifestPost | undefined, trustPrevious: boolean): Promise<SourceState> {
  try {
    const info = await stat(absolutePath);
    if (trustPrevious && previous && previous.size === info.size && previous.mtimeMs === info.mtimeMs) return { kind: 'unchanged', entry: previous };
    const bytes = await readFile(absolutePath);
    const hash = createHash('sha256').update(settings).update(bytes).digest('hex').slice(0, 32);
    if (trustPrevious && previous && previous.hash === hash) return { kind: 'unchanged', entry: { ...previous, size: info.size, mtimeMs: info.mtimeMs } };
    return { kind: 'changed', text: new TextDecoder().decode(bytes), hash, size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    return { kind: 'unreadable', error };
  }
}
