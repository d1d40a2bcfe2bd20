import type { CacheRulesEngine } from '@alphanode/cache-rules';
import { formatRulesDiagnostic } from '@alphanode/cache-rules';
import { compileRules } from '@alphanode/cache-rules/compile';
import type { CliIO } from '../command.ts';
import { readInput } from './read-input.ts';

/** A rules file named on the command line, compiled; its diagnostics on stderr, undefined when it cannot be read or does not compile. */
export async function loadRules(file: string, io: CliIO): Promise<CacheRulesEngine | undefined> {
  const text = await readInput(file, io);
  if (text === undefined) return undefined;
  const result = compileRules(text, { file });
  for (const diagnostic of result.diagnostics) io.stderr.write(`${formatRulesDiagnostic(diagnostic)}\n`);
  return result.engine;
}
