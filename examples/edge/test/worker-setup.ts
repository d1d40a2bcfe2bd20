import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectSiteData, writeSiteData } from '../src/build-posts.ts';
import { bundleWorker, type BundleOptions, type BundleResult } from '../src/bundle-worker.ts';
import type { SiteData } from '../src/site-data.ts';

const examples = fileURLToPath(new URL('../../', import.meta.url));

export interface BuiltWorker extends BundleResult {
  data: SiteData;
  /** Removes the bundle's temp folder. */
  dispose(): void;
}

/**
 * What `pnpm build` and a deploy do, for a test: parse examples/content into generated/site-data.js,
 * then bundle the worker into a temp folder.
 */
export async function buildWorker(format: BundleOptions['format'] = 'module'): Promise<BuiltWorker> {
  const { data, errors } = await collectSiteData({ contentDir: path.join(examples, 'content'), rulesFile: path.join(examples, 'rules.yaml') });
  if (errors.length > 0) throw new Error(`examples/content does not build:\n${errors.join('\n')}`);
  await writeSiteData(data);
  const dir = mkdtempSync(path.join(tmpdir(), 'alphanode-edge-'));
  const bundle = await bundleWorker(path.join(dir, 'worker.js'), { format });
  return { ...bundle, data, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
