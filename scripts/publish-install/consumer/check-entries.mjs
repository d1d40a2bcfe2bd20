// Loads every entry point of the installed @alphanode packages both ways a user can: `import` (the
// ESM build) and `require` (the CommonJS build), and checks that both give the same export names.
// entries.json is written from the published exports maps. Node 22 can require() an ES module,
// which could hide a missing CommonJS build; the run on Node 20, which cannot, catches that.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const entries = JSON.parse(readFileSync(new URL('./entries.json', import.meta.url), 'utf8'));
const problems = [];

function names(exports, ignored) {
  return Object.keys(exports)
    .filter((name) => !ignored.includes(name))
    .sort();
}

for (const { specifier, kind } of entries) {
  // A plain file (a stylesheet) is not loaded but found: both resolvers must reach the same file, and it must hold something.
  if (kind === 'file') {
    try {
      const esmPath = fileURLToPath(import.meta.resolve(specifier));
      if (esmPath !== require.resolve(specifier)) problems.push(`${specifier}: import and require resolve to different files`);
      if (readFileSync(esmPath, 'utf8').length === 0) problems.push(`${specifier}: empty`);
    } catch (error) {
      problems.push(`resolve ${specifier}: ${error.code ?? ''} ${error.message}`);
    }
    continue;
  }
  let esm, cjs;
  try {
    esm = kind === 'json' ? (await import(specifier, { with: { type: 'json' } })).default : await import(specifier);
  } catch (error) {
    problems.push(`import ${specifier}: ${error.code ?? ''} ${error.message}`);
  }
  try {
    cjs = require(specifier);
  } catch (error) {
    problems.push(`require ${specifier}: ${error.code ?? ''} ${error.message}`);
  }
  if (esm === undefined || cjs === undefined) continue;
  if (kind === 'json') {
    if (JSON.stringify(esm) !== JSON.stringify(cjs)) problems.push(`${specifier}: import and require give different JSON`);
    continue;
  }
  const esmNames = names(esm, ['default']);
  const cjsNames = names(cjs, ['default', '__esModule']);
  if (esmNames.length === 0) problems.push(`import ${specifier}: no exports`);
  const onlyEsm = esmNames.filter((name) => !cjsNames.includes(name));
  const onlyCjs = cjsNames.filter((name) => !esmNames.includes(name));
  if (onlyEsm.length > 0 || onlyCjs.length > 0) {
    problems.push(`${specifier}: import and require differ; only in ESM: [${onlyEsm.join(', ')}], only in CommonJS: [${onlyCjs.join(', ')}]`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`${entries.length} entry points load with import and with require, with the same exports, on Node ${process.version}`);
