import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

/**
 * How a build writes its files: `atomic` (temp file and rename) into a site that is being served,
 * `direct` (plain writes) into a staging folder no reader sees until it is swapped in whole.
 */
export type WriteMode = 'atomic' | 'direct';

/** Writes one file, `relative` to the folder the writer was made for. */
export type FileWriter = (relative: string, content: string) => void;

/** A writer into `dir`; a direct one makes each folder once, as a build writes thousands into few. */
export function fileWriter(dir: string, mode: WriteMode): FileWriter {
  if (mode === 'atomic') return (relative, content) => writeFileAtomic(dir, relative, content);
  const made = new Set<string>();
  return (relative, content) => {
    const file = path.join(dir, relative);
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, content);
  };
}
