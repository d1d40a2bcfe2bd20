import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './command.ts';

export interface WorkspacePackage {
  name: string;
  version: string;
  dir: string;
}

/** The publishable packages under `packages/` of a workspace. */
export function publicPackages(root: string): WorkspacePackage[] {
  return readdirSync(join(root, 'packages'))
    .map((name) => join(root, 'packages', name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name, version: manifest.version, dir }));
}

/**
 * What a release needs from the working tree, copied to `dest` so that versioning never touches the
 * repo: the root's files, `.changeset/` and `packages/` with their built `dist`, without node_modules.
 */
export function copyWorkspace(repo: string, dest: string): void {
  for (const entry of readdirSync(repo, { withFileTypes: true })) {
    if (entry.isFile()) cpSync(join(repo, entry.name), join(dest, entry.name));
  }
  for (const dir of ['.changeset', 'packages']) {
    cpSync(join(repo, dir), join(dest, dir), { recursive: true, filter: (source) => !source.split(/[\\/]/).includes('node_modules') });
  }
}

/**
 * Installs the copy from the repo's pnpm store, as a release job would: pnpm reads the linked
 * workspace packages to turn `workspace:` ranges into versions when it publishes. Scripts are not
 * needed, since `dist` is copied, built.
 */
export async function installWorkspace(repo: string, copy: string): Promise<void> {
  // The repo's store, also when the temp dir is on another filesystem (pnpm would make a new one).
  const store = (await run('pnpm', ['store', 'path'], { cwd: repo })).trim();
  await run('pnpm', ['install', '--prefer-offline', '--ignore-scripts', '--no-frozen-lockfile', '--store-dir', store], { cwd: copy });
}

/**
 * Gives every public package of the copy a snapshot version (`0.0.0-ci-<timestamp>`), the way
 * changesets does for a canary release: one extra changeset bumps them all, then
 * `changeset version --snapshot ci` rewrites versions, internal ranges and changelogs.
 */
export async function versionSnapshot(copy: string): Promise<WorkspacePackage[]> {
  const bumps = publicPackages(copy).map((pkg) => `"${pkg.name}": patch`);
  writeFileSync(join(copy, '.changeset', 'publish-install-test.md'), `---\n${bumps.join('\n')}\n---\n\nA snapshot for the publish-install test.\n`);
  await run(join(copy, 'node_modules', '.bin', 'changeset'), ['version', '--snapshot', 'ci'], { cwd: copy });
  const packages = publicPackages(copy);
  const unchanged = packages.filter((pkg) => !pkg.version.includes('-ci-'));
  if (unchanged.length > 0) throw new Error(`changeset version --snapshot left ${unchanged.map((pkg) => `${pkg.name}@${pkg.version}`).join(', ')} without a snapshot version`);
  return packages;
}

/**
 * Publishes every public package of the copy with pnpm, which turns `workspace:` ranges into the
 * versions just set. Prerelease versions need a dist-tag; verdaccio takes any token for `@alphanode/*`.
 */
export async function publishAll(copy: string, registryUrl: string): Promise<void> {
  const npmrc = join(copy, '.npmrc');
  const before = existsSync(npmrc) ? readFileSync(npmrc, 'utf8') : '';
  writeFileSync(npmrc, `${before}\n${registryUrl.replace(/^https?:/, '')}:_authToken=publish-install-test\n`);
  await run('pnpm', ['--recursive', '--filter', './packages/*', 'publish', '--no-git-checks', '--tag', 'ci', '--registry', registryUrl], { cwd: copy });
}
