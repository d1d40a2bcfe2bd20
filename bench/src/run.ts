// `pnpm bench [name...]`: runs every suite in src/suites (or those named) in one process, one after
// another, and prints each report; a suite marked onlyWhenNamed runs only when named. Figures are
// measured here, never asserted in tests, save issue 13's edge bundle budgets (edge-workers.test.ts).
import { readdirSync } from 'node:fs';
import process from 'node:process';
import type { Suite } from './suite.ts';

const only = process.argv.slice(2);
const dir = new URL('./suites/', import.meta.url);
const files = readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts')).sort();

process.stdout.write(`alphanode bench, Node ${process.version}, ${new Date().toISOString()}\n`);
for (const file of files) {
  const module = (await import(new URL(file, dir).href)) as Record<string, unknown>;
  for (const suite of Object.values(module) as Suite[]) {
    if (typeof suite?.run !== 'function') continue;
    if (only.length > 0 ? !only.includes(suite.name) : suite.onlyWhenNamed === true) continue;
    process.stdout.write(`\n## ${suite.name}\n`);
    process.stdout.write(`${await suite.run()}\n`);
  }
}
