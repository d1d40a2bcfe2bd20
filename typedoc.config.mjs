// The API reference, generated from the TSDoc of every published entry point (read from each
// package's exports map, so a new subpath is documented the day it ships). `pnpm docs:api` writes
// it to .tmp/api and fails on an export without a doc comment or a broken {@link}: CI runs it.
import { readdirSync, readFileSync } from 'node:fs';

const packages = readdirSync('packages');
const entryPoints = packages.flatMap((name) => {
  const manifest = JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8'));
  return Object.values(manifest.exports ?? {}).flatMap((target) => (typeof target === 'object' && target['@alphanode/source'] ? [`packages/${name}/${target['@alphanode/source']}`] : []));
});

/** @type {import('typedoc').TypeDocOptions} */
export default {
  entryPoints,
  entryPointStrategy: 'resolve',
  tsconfig: 'tsconfig.typedoc.json',
  disableSources: true,
  out: '.tmp/api',
  name: 'alphanode',
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  validation: { notExported: false, invalidLink: true, notDocumented: true },
  // TypeDoc asks only the root package's own exports for docs unless told which packages to check.
  packagesRequiringDocumentation: packages.map((name) => JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8')).name),
  requiredToBeDocumented: ['Function', 'Class', 'Interface', 'TypeAlias', 'Variable', 'Enum'],
  treatValidationWarningsAsErrors: true,
  treatWarningsAsErrors: false,
  logLevel: 'Warn',
};
