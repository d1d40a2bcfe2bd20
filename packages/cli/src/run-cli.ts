import type { CliIO, Command } from './command.ts';
// A JSON import, not a read at run time: tsup inlines it into both builds, and Node loads it natively
// when the CLI runs from source.
import cliPackage from '../package.json' with { type: 'json' };
import { commands } from './commands/index.ts';
import { EXIT_OK, EXIT_USAGE } from './internal/exit-code.ts';

function help(list: readonly Command[]): string {
  const width = Math.max(...list.map((command) => command.name.length));
  return `usage: alphanode <command> [options]\n\n${list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}\n\nalphanode <command> --help shows a command's options.\nalphanode --version prints the version.\n`;
}

/**
 * Runs `alphanode ARGS` and resolves to the exit code: 0 all good, 1 the input has errors, 2 a usage
 * error, 75 the command could not run now and running it later can work. Output goes only to `io`,
 * so a test or a build script can capture it.
 *
 * @example
 * const out: string[] = [];
 * const io = { stdout: { write: (s: string) => out.push(s) }, stderr: process.stderr, cwd: process.cwd() };
 * const code = await runCli(['check', 'content/*.txt', '--json'], io);
 */
export async function runCli(args: string[], io: CliIO, list: readonly Command[] = commands): Promise<number> {
  const [name, ...rest] = args;
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${cliPackage.version}\n`);
    return EXIT_OK;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help(list));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = list.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`alphanode: unknown command "${name}"\n\n${help(list)}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT_OK;
  }
  return command.run(rest, io);
}
