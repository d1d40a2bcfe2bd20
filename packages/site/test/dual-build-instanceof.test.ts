import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as SiteNode from '../src/node/index.ts';

// A project can load both builds at once (its code imports the package, a dependency requires it),
// and then each build has its own BuildError class. Checked against the built files, which is what
// users load; CI builds before it tests. Without a build the test is skipped locally, and fails in
// CI, where it must run.
const esmFile = fileURLToPath(new URL('../dist/node/index.js', import.meta.url));
const cjsFile = fileURLToPath(new URL('../dist/node/index.cjs', import.meta.url));
const built = existsSync(esmFile) && existsSync(cjsFile);
if (!built && process.env.CI) throw new Error('packages/site/dist is missing: run pnpm build first');

type Build = Pick<typeof SiteNode, 'BuildError'>;

describe.skipIf(!built)('BuildError across the ESM and CommonJS builds', () => {
  it("is instanceof the other build's class, both ways, and an unrelated Error is not", async () => {
    const esm = (await import(pathToFileURL(esmFile).href)) as Build;
    const cjs = createRequire(import.meta.url)(cjsFile) as Build;
    // Two classes, or this test would prove nothing.
    expect(esm.BuildError).not.toBe(cjs.BuildError);

    const fromEsm = new esm.BuildError('build-running', 'another build holds the lock', true);
    const fromCjs = new cjs.BuildError('build-running', 'another build holds the lock', true);
    expect(fromCjs instanceof esm.BuildError).toBe(true);
    expect(fromEsm instanceof cjs.BuildError).toBe(true);
    expect(fromEsm instanceof esm.BuildError && fromCjs instanceof cjs.BuildError).toBe(true);
    expect(new Error('unrelated') instanceof esm.BuildError).toBe(false);
    expect(new Error('unrelated') instanceof cjs.BuildError).toBe(false);
  });
});
