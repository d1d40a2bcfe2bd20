// Bundles src/worker.ts and the generated site data into one ES module, the form workerd (through
// miniflare or wrangler), Deno, Bun and Vercel's edge runtime load. Node only.
// `pnpm --filter @alphanode/example-edge bundle` writes dist/worker.js.
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WORKER_ENTRY = path.join(here, 'worker.ts');
const repository = path.join(here, '..', '..', '..');

export interface BundleResult {
  outFile: string;
  bytes: number;
  /** Every module in the bundle, relative to the repository, for checking what went in. */
  inputs: string[];
}

export interface BundleOptions {
  minify?: boolean;
  /**
   * `module` (default): an ES module with `export default { fetch }`. `service-worker`: a classic
   * script that registers a `fetch` listener, the form Vercel's `edge-runtime` sandbox evaluates.
   */
  format?: 'module' | 'service-worker';
}

// The service-worker form calls the same `fetch` the module exports, with an empty environment.
const SERVICE_WORKER_FOOTER = `addEventListener('fetch', (event) => event.respondWith(alphanodeWorker.default.fetch(event.request, {})));`;

/**
 * Bundles the worker to `outFile`. Workspace packages resolve to their TypeScript source
 * (`@alphanode/source`), and `platform: 'neutral'` gives no Node built-ins, so a `node:` import
 * anywhere in the worker's graph fails the bundle instead of failing at the edge.
 */
export async function bundleWorker(outFile: string, options: BundleOptions = {}): Promise<BundleResult> {
  const serviceWorker = options.format === 'service-worker';
  const result = await build({
    entryPoints: [WORKER_ENTRY],
    outfile: outFile,
    bundle: true,
    ...(serviceWorker ? { format: 'iife', globalName: 'alphanodeWorker', footer: { js: SERVICE_WORKER_FOOTER } } : { format: 'esm' }),
    platform: 'neutral',
    target: 'es2022',
    conditions: ['@alphanode/source', 'worker', 'browser', 'import'],
    mainFields: ['module', 'main'],
    minify: options.minify ?? false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: repository,
  });
  const metafile: Metafile = result.metafile;
  const output = Object.values(metafile.outputs)[0];
  return { outFile, bytes: output?.bytes ?? 0, inputs: Object.keys(metafile.inputs).sort() };
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outFile = path.join(here, '..', 'dist', 'worker.js');
  const { bytes, inputs } = await bundleWorker(outFile, { minify: true });
  process.stdout.write(`wrote ${path.relative(process.cwd(), outFile)}: ${(bytes / 1024).toFixed(1)} KiB from ${inputs.length} modules\n`);
}
