import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** `../shared/seeds` beside the repository: the real sample posts. */
export const seedsDir = path.resolve(here, '../../../../shared/seeds');
export const fixturesDir = path.resolve(here, 'fixtures');

export function readSeeds(): { name: string; text: string }[] {
  return readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(seedsDir, name), 'utf8') }));
}

/** The text of seed `index` (0 or 1). */
export function seedText(index: number): string {
  const seed = readSeeds()[index];
  if (!seed) throw new Error(`no seed ${index} in ${seedsDir}`);
  return seed.text;
}
