import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// What a worker imports must not drag in zod or the YAML parser: the schemas, the JSON Schema
// writers and the YAML rules compiler sit behind their own subpaths. Each entry is bundled whole
// (`export *`, so tree-shaking hides nothing) with esbuild, and the modules in its metafile are
// read. From source always; from the built dist too when it is there and newer than the source
// (`pnpm build`), since that is what users install. Sizes are measured by `pnpm bench bundle`.
const here = path.dirname(fileURLToPath(import.meta.url));
const packages = fileURLToPath(new URL('../../../packages/', import.meta.url));

const LIGHT = ['@alphanode/parser', '@alphanode/cache-rules', '@alphanode/cache-rules/fetch', '@alphanode/cache-rules/hono', '@alphanode/renderer', '@alphanode/site'];
const HEAVY = { '@alphanode/parser/schema': ['zod'], '@alphanode/cache-rules/compile': ['zod', 'yaml'] };

async function bundledModules(specifier: string, from: 'source' | 'dist'): Promise<string[]> {
  const result = await build({
    stdin: { contents: `export * from '${specifier}';`, resolveDir: here, loader: 'js' },
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    conditions: [...(from === 'source' ? ['@alphanode/source'] : []), 'worker', 'browser', 'import'],
    mainFields: ['module', 'main'],
    // An optional peer the Hono adapter imports types of only.
    external: ['hono'],
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

/** The npm packages among a bundle's modules: `zod` for `…/node_modules/.pnpm/zod@4/node_modules/zod/…`. */
function dependencies(modules: readonly string[]): string[] {
  return [...new Set(modules.flatMap((module) => /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(module)?.[1] ?? []))].sort();
}

function newest(dir: string): number {
  return Math.max(...readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts')).map((file) => statSync(path.join(dir, file)).mtimeMs));
}

/** Whether every package's dist/index.js is there and newer than its source. */
function distIsFresh(): boolean {
  try {
    return ['parser', 'cache-rules', 'renderer', 'site'].every((name) => statSync(path.join(packages, name, 'dist', 'index.js')).mtimeMs >= newest(path.join(packages, name, 'src')));
  } catch {
    return false;
  }
}

describe('the entries a worker imports hold no zod and no yaml', () => {
  for (const specifier of LIGHT) {
    it(`${specifier}, from source`, async () => {
      expect(dependencies(await bundledModules(specifier, 'source')).filter((name) => name === 'zod' || name === 'yaml')).toEqual([]);
    });
  }

  it.skipIf(!distIsFresh())('the same entries, from the built dist (skipped until `pnpm build` has run on the current source)', async () => {
    for (const specifier of LIGHT) {
      const modules = await bundledModules(specifier, 'dist');
      expect(modules.some((module) => module.includes('/dist/'))).toBe(true);
      expect(dependencies(modules).filter((name) => name === 'zod' || name === 'yaml'), specifier).toEqual([]);
    }
    for (const [specifier, expected] of Object.entries(HEAVY)) expect(dependencies(await bundledModules(specifier, 'dist'))).toEqual(expect.arrayContaining(expected));
  });

  // The check above would pass on an empty bundle; the heavy subpaths show that it sees zod and yaml.
  for (const [specifier, expected] of Object.entries(HEAVY)) {
    it(`while ${specifier} brings ${expected.join(' and ')}`, async () => {
      expect(dependencies(await bundledModules(specifier, 'source'))).toEqual(expect.arrayContaining(expected));
    });
  }
});
