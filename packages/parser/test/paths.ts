import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const fixturesDir = path.resolve(here, 'fixtures');
/** The two real sample posts, copied into the package so that its tests read nothing outside the repository. */
export const seedsDir = path.join(fixturesDir, 'seeds');

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
