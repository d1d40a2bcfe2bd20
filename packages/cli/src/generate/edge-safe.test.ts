import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

// `@alphanode/cli/generate` is for edge runtimes too; the lint rule that guards the libraries does
// not cover this package, so this test does.
describe('the generator is edge-safe', () => {
  it.each(sources)('%s uses no Node API and no Math.random', (name) => {
    const text = readFileSync(path.join(here, name), 'utf8');
    // Code only: template literals (the snippet catalogue) and comments (examples) may name anything.
    const code = text.replace(/`[^`]*`/g, '``').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/\bprocess\b|\bBuffer\b|\brequire\(|Math\.random|\bimport\(/);
    for (const [, specifier] of code.matchAll(/^(?:import|export) [^;]*? from '([^']+)'/gm)) {
      expect(specifier === '@alphanode/parser' || specifier?.startsWith('./'), specifier).toBe(true);
    }
  });
});
