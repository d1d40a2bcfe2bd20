import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import process from 'node:process';
import { formatRulesDiagnostic } from '@alphanode/cache-rules';
import { compileRulesToJson } from '@alphanode/cache-rules/compile';
import type { CliIO } from '../command.ts';
import { EXIT_FAILED, EXIT_OK } from '../internal/exit-code.ts';
import { readInput } from '../internal/read-input.ts';

/**
 * `alphanode rules compile RULES.yaml [-o rules.json]`: the rules compiled at build time to the JSON
 * `loadCompiledRules` reads, so a worker ships neither a YAML parser nor zod. To stdout without
 * `-o`; diagnostics on stderr; exit 1 when the file does not compile, and then nothing is written.
 */
export async function compileCommand(file: string, out: string | undefined, io: CliIO): Promise<number> {
  const text = await readInput(file, io);
  if (text === undefined) return EXIT_FAILED;
  const compiled = compileRulesToJson(text, { file });
  for (const diagnostic of compiled.diagnostics) io.stderr.write(`${formatRulesDiagnostic(diagnostic)}\n`);
  if (!compiled.ok) return EXIT_FAILED;
  const json = `${JSON.stringify(compiled.json, null, 2)}\n`;
  if (out === undefined) {
    io.stdout.write(json);
    return EXIT_OK;
  }
  const target = resolve(io.cwd, out);
  try {
    await mkdir(dirname(target), { recursive: true });
    // Written beside the target and renamed, so a bundler watching the file never reads half of it.
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, json);
    await rename(temp, target);
  } catch (error) {
    io.stderr.write(`${out}: cannot write: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
  io.stdout.write(`wrote ${out}: ${compiled.engine.rules.length} rules, ${json.length} bytes\n`);
  return EXIT_OK;
}
