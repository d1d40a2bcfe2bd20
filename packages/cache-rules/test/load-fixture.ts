import { readFileSync } from 'node:fs';
import { compileRules } from '../src/compile/compile-rules.ts';
import type { CacheRulesEngine } from '../src/engine/create-engine.ts';

/** The example rules file shipped in test/fixtures. */
export const fixtureYaml = readFileSync(new URL('./fixtures/rules.yaml', import.meta.url), 'utf8');

/** The fixture compiled; throws if it does not, since every test depends on it. */
export function fixtureEngine(): CacheRulesEngine {
  const result = compileRules(fixtureYaml, { file: 'rules.yaml' });
  if (!result.ok) throw new Error(`fixture did not compile: ${JSON.stringify(result.diagnostics)}`);
  return result.engine;
}
