/**
 * Node entry of `@alphanode/site`: the incremental build (`buildSite`), its lock and its files, and
 * serving the built site from a directory (`siteDirReader`) over `node:http` (`toNodeListener`).
 *
 * @module @alphanode/site/node
 */
export { buildSite, PURGE_PLAN_FILE, type BuildOptions } from '../build/build-site.ts';
export type { BuildSummary, SiteDiagnostic } from '../build/build-summary.ts';
export { BuildError, type BuildErrorCode } from '../build/build-error.ts';
export { LOCK_FILE } from '../build/build-lock.ts';
export { MANIFEST_FILE, MANIFEST_JOURNAL_FILE } from '../manifest/manifest-files.ts';
export { parseManifest } from '../manifest/manifest-codec.ts';
export { manifestRecords } from '../manifest/manifest-records.ts';
export type { Manifest, ManifestPost, OutputRecord } from '../manifest/manifest.ts';
export { readSiteManifest } from './read-site-manifest.ts';
export { JOURNAL_FILE } from '../build/journal.ts';
export type { PageSettings } from '../build/page-settings.ts';
export { siteDirReader } from './site-dir-reader.ts';
export { toNodeListener } from './node-listener.ts';
