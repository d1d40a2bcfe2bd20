import { readManifestFiles } from '../build/manifest-store.ts';
import type { Manifest } from '../manifest/manifest.ts';

/**
 * The manifest of the site built in `outDir` (its `manifest.json` with its journal applied), or
 * undefined when there is none or it is no manifest; a copy of its own, read from the files: what a deploy script or a test reads to
 * learn every URL the site serves, each output's bytes hash and purge keys.
 *
 * @example
 * const manifest = readSiteManifest('dist');
 * const urls = Object.values(manifest?.posts ?? {}).flatMap((post) => post.outputs.map((output) => output.url));
 */
export function readSiteManifest(outDir: string): Manifest | undefined {
  return readManifestFiles(outDir)?.manifest;
}
