import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The Fetch and Hono adapters run in workerd, Deno, Bun and browsers: no Node built-in, and of
// Hono nothing but types (it is an optional peer), anywhere in their sources or what they import.
const SRC = new URL('../', import.meta.url);

function sources(dir: string): string[] {
  return readdirSync(new URL(dir, SRC), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => `${dir}${file}`);
}

function imports(file: string): string[] {
  const text = readFileSync(new URL(file, SRC), 'utf8');
  return [...text.matchAll(/^(import|export)\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)].map((match) => `${match[2] ? 'type ' : ''}${match[3]}`);
}

describe('the Fetch and Hono adapters are edge-safe', () => {
  it.each([...sources('fetch/'), ...sources('hono/')])('%s imports no Node built-in and no Hono value', (file) => {
    for (const specifier of imports(file)) {
      expect(specifier).not.toMatch(/^(type )?node:/);
      if (/^hono\b/.test(specifier)) throw new Error(`${file} imports ${specifier} at run time`);
    }
  });

  it('neither reaches a module that does, through relative imports', () => {
    const seen = new Set<string>();
    const queue = [...sources('fetch/'), ...sources('hono/')];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const specifier of imports(file)) {
        if (specifier.startsWith('type ')) continue;
        expect(specifier, file).not.toMatch(/^node:|^hono\b/);
        if (specifier.startsWith('.')) queue.push(new URL(specifier, new URL(file, SRC)).href.slice(SRC.href.length));
      }
    }
    expect(seen.size).toBeGreaterThan(8);
  });
});
