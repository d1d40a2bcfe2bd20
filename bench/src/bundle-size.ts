import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** One bundled entry: its size minified and gzipped, and the modules that weigh most in it. */
export interface BundleSize {
  name: string;
  minified: number;
  gzip: number;
  /** Output bytes by package (or workspace package), largest first. */
  byPackage: { name: string; bytes: number }[];
  /** The bundle itself, to run. */
  code: string;
}

const resolveDir = fileURLToPath(new URL('.', import.meta.url));

/** Where a module comes from: `zod` for `…/node_modules/.pnpm/zod@4/node_modules/zod/…`, `@alphanode/parser` for `packages/parser/dist/…`. */
function packageOf(module: string): string {
  const dependency = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(module)?.[1];
  if (dependency !== undefined) return dependency;
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(module)?.[1];
  return workspace === undefined ? '(the worker itself)' : `@alphanode/${workspace}`;
}

/**
 * Bundles `code` (an ES module importing `@alphanode/*`) as an edge worker would be bundled:
 * esbuild, ES module output, `platform: 'neutral'` with the conditions workerd's tooling uses,
 * minified. Packages resolve to their built dist (no `@alphanode/source` condition), which is
 * what users install, so `pnpm build` must have run (`pnpm bench` does it first).
 */
export async function bundleSize(name: string, code: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: 'js', sourcefile: `${name}.js` },
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser', 'import'],
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  const output = result.outputFiles[0]?.contents ?? new Uint8Array();
  const byPackage = new Map<string, number>();
  for (const meta of Object.values(result.metafile.outputs)) {
    for (const [module, { bytesInOutput }] of Object.entries(meta.inputs)) byPackage.set(packageOf(module), (byPackage.get(packageOf(module)) ?? 0) + bytesInOutput);
  }
  return {
    name,
    minified: output.byteLength,
    gzip: gzipSync(output, { level: 9 }).byteLength,
    byPackage: [...byPackage].map(([pkg, bytes]) => ({ name: pkg, bytes })).sort((a, b) => b.bytes - a.bytes),
    code: new TextDecoder().decode(output),
  };
}
