/** What a command may touch: its output streams and where it runs. Tests pass their own. */
export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  cwd: string;
}

/**
 * One `alphanode` subcommand, in its own file under `src/commands/`. `run` gets the arguments after
 * the command name and resolves to the process exit code; it reports through `io`, never `console`.
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}
