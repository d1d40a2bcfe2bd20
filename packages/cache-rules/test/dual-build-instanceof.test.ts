import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Compile from '../src/compile/index.ts';
import type * as CacheRules from '../src/index.ts';

// A project can load both builds at once (its code imports the package, a dependency requires it),
// and then each build has its own CacheRulesError class. Checked against the built files, which is
// what users load; CI builds before it tests. Without a build the test is skipped locally, and fails
// in CI, where it must run.
const file = (name: string) => fileURLToPath(new URL(`../dist/${name}`, import.meta.url));
const files = { esm: file('index.js'), cjs: file('index.cjs'), compileEsm: file('compile/index.js'), compileCjs: file('compile/index.cjs') };
const built = Object.values(files).every((path) => existsSync(path));
if (!built && process.env.CI) throw new Error('packages/cache-rules/dist is missing: run pnpm build first');

type Build = Pick<typeof CacheRules, 'CacheRulesError' | 'loadCompiledRulesOrThrow'>;
type CompileBuild = Pick<typeof Compile, 'compileRulesOrThrow'>;

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('accepted rules that are not rules');
}

describe.skipIf(!built)('CacheRulesError across the ESM and CommonJS builds', () => {
  it("is instanceof the other build's class, both ways, from the main and the compile entries, and an unrelated Error is not", async () => {
    const load = createRequire(import.meta.url);
    const esm = (await import(pathToFileURL(files.esm).href)) as Build;
    const cjs = load(files.cjs) as Build;
    const compileEsm = (await import(pathToFileURL(files.compileEsm).href)) as CompileBuild;
    const compileCjs = load(files.compileCjs) as CompileBuild;
    // Two classes, or this test would prove nothing.
    expect(esm.CacheRulesError).not.toBe(cjs.CacheRulesError);

    const thrown = [
      thrownBy(() => esm.loadCompiledRulesOrThrow('{}')),
      thrownBy(() => cjs.loadCompiledRulesOrThrow('{}')),
      thrownBy(() => compileEsm.compileRulesOrThrow('rules: 1')),
      thrownBy(() => compileCjs.compileRulesOrThrow('rules: 1')),
    ];
    for (const error of thrown) {
      expect(error instanceof esm.CacheRulesError).toBe(true);
      expect(error instanceof cjs.CacheRulesError).toBe(true);
    }
    expect(new Error('unrelated') instanceof esm.CacheRulesError).toBe(false);
    expect(new Error('unrelated') instanceof cjs.CacheRulesError).toBe(false);
  });
});
