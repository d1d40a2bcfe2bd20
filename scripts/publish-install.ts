/**
 * The publish-and-install test: what a user gets from the registry, checked the way a user uses it.
 *
 * It starts a throwaway npm registry (verdaccio), gives a copy of the workspace snapshot versions with
 * changesets, publishes every package to that registry with pnpm, and then, on Node 20 and on Node 22,
 * makes a new project outside the repo, installs the packages with plain `npm install`, and checks:
 * `import` and `require` of every entry point in the published exports maps, `tsc` under
 * `module: nodenext` and under `moduleResolution: bundler`, a small vitest suite that uses the schemas
 * as a service would, and the `alphanode` bin. It prints each phase's duration and leaves nothing behind.
 *
 * Run: `node scripts/publish-install.ts` (Node >= 22.12; it tests the built `dist`, so `pnpm build`
 * first, or it builds when `dist` is missing). PUBLISH_INSTALL_KEEP=1 keeps the temp dir to look into.
 * Node 20 is /usr/bin/node, or PUBLISH_INSTALL_NODE20; without it the Node 20 leg is skipped, and under
 * CI the run fails.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { killRunning, run } from './publish-install/command.ts';
import { consumerChecks, createConsumer } from './publish-install/consumer.ts';
import { nodeRuntimes } from './publish-install/node-runtimes.ts';
import { check, describeError, fail, failed, skip, step, summary } from './publish-install/phases.ts';
import { startRegistry, type Registry } from './publish-install/registry.ts';
import { copyWorkspace, installWorkspace, publicPackages, publishAll, versionSnapshot } from './publish-install/release.ts';

const repo = resolve(import.meta.dirname, '..');
const keep = process.env.PUBLISH_INSTALL_KEEP === '1';
const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'alphanode-publish-install-'));
let registry: Registry | undefined;

async function cleanup(): Promise<void> {
  killRunning();
  await registry?.close();
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(1));
  });
}

async function main(): Promise<void> {
  const { runtimes, missing } = nodeRuntimes();
  if (missing !== undefined) (missing.fatal ? fail : skip)(missing.reason);
  if (publicPackages(repo).some((pkg) => !existsSync(join(pkg.dir, 'dist')))) {
    await step('pnpm build (dist was missing)', () => run('pnpm', ['build'], { cwd: repo }));
  }
  const registryDir = join(work, 'registry');
  mkdirSync(registryDir);
  registry = await step('start verdaccio', () => startRegistry(registryDir));
  const registryUrl = registry.url;
  const copy = join(work, 'workspace');
  await step('copy the workspace and pnpm install it', () => {
    copyWorkspace(repo, copy);
    return installWorkspace(repo, copy);
  });
  const packages = await step('changeset version --snapshot ci', () => versionSnapshot(copy));
  await step(`pnpm publish ${packages.length} packages at ${packages[0]?.version}`, () => publishAll(copy, registryUrl));
  for (const runtime of runtimes) {
    // An install that fails on one Node still leaves the other to check.
    try {
      const dir = join(work, runtime.label.replace(' ', '').toLowerCase());
      const consumer = await step(`${runtime.label}: npm install into a new project`, () => createConsumer({ dir, repo, copy, registryUrl, packages, runtime }));
      for (const consumerCheck of consumerChecks(consumer)) await check(`${runtime.label}: ${consumerCheck.name}`, consumerCheck.run);
    } catch (error) {
      console.log(describeError(error));
    }
  }
}

let crashed = false;
try {
  await main();
} catch (error) {
  crashed = true;
  console.log(describeError(error));
} finally {
  await cleanup();
}
console.log(summary(started));
process.exit(crashed || failed() ? 1 : 0);
