import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Parser from '../src/index.ts';

// A project can load both builds at once (its code imports the package, a dependency requires it),
// and then each build has its own PostParseError class. Checked against the built files, which is
// what users load; CI builds before it tests. Without a build the test is skipped locally, and fails
// in CI, where it must run.
const esmFile = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const cjsFile = fileURLToPath(new URL('../dist/index.cjs', import.meta.url));
const built = existsSync(esmFile) && existsSync(cjsFile);
if (!built && process.env.CI) throw new Error('packages/parser/dist is missing: run pnpm build first');

type Build = Pick<typeof Parser, 'PostParseError' | 'parsePostOrThrow'>;

function thrownBy(build: Build): unknown {
  try {
    build.parsePostOrThrow('');
  } catch (error) {
    return error;
  }
  throw new Error('parsePostOrThrow accepted an empty post');
}

describe.skipIf(!built)('PostParseError across the ESM and CommonJS builds', () => {
  it("is instanceof the other build's class, both ways, and an unrelated Error is not", async () => {
    const esm = (await import(pathToFileURL(esmFile).href)) as Build;
    const cjs = createRequire(import.meta.url)(cjsFile) as Build;
    // Two classes, or this test would prove nothing.
    expect(esm.PostParseError).not.toBe(cjs.PostParseError);

    const fromEsm = thrownBy(esm);
    const fromCjs = thrownBy(cjs);
    expect(fromCjs instanceof esm.PostParseError).toBe(true);
    expect(fromEsm instanceof cjs.PostParseError).toBe(true);
    expect(fromEsm instanceof esm.PostParseError && fromCjs instanceof cjs.PostParseError).toBe(true);
    expect(new Error('unrelated') instanceof esm.PostParseError).toBe(false);
    expect(new Error('unrelated') instanceof cjs.PostParseError).toBe(false);
  });
});
