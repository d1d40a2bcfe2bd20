/** What a command may touch: its output streams and where it runs. Tests pass their own. */
export interface CliIO {
  stdout: {
    /** Writes a chunk of the command's output; its return value is ignored. */
    write(chunk: string): unknown;
    isTTY?: boolean
  };
  stderr: {
    /** Writes a chunk of errors and diagnostics; its return value is ignored. */
    write(chunk: string): unknown;
    isTTY?: boolean
  };
  cwd: string;
  /**
   * Stops a command that runs until stopped (`dev`), as Ctrl-C would. Without it such a command
   * stops on SIGINT or SIGTERM only.
   */
  signal?: AbortSignal;
}

/**
 * One `alphanode` subcommand, in its own file under `src/commands/`. `run` gets the arguments after
 * the command name and resolves to the process exit code; it reports through `io`, never `console`.
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Runs the command with the arguments after its name, writing to `io`; resolves to the process exit code (0 on success). */
  run(args: string[], io: CliIO): Promise<number>;
}
