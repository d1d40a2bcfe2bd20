import { spawn, type ChildProcess } from 'node:child_process';

// Every child still running, so that a signal can end them before the temp dirs go.
const running = new Set<ChildProcess>();

export interface CommandOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/** A command that exited non-zero, with everything it printed. */
export class CommandError extends Error {
  readonly code = 'command-failed';
  readonly command: string;
  readonly output: string;
  constructor(command: string, output: string) {
    super(`\`${command}\` failed`);
    this.command = command;
    this.output = output;
  }
}

/**
 * The environment of a clean shell: without what pnpm and vitest set for their own children
 * (`npm_config_*` would override the consumer's .npmrc, `NODE_OPTIONS` and `VITEST_*` would leak the
 * outer test run into the consumer's).
 */
export function cleanEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_config_|vitest|node_options$|node_env$|tinypool)/i.test(key)) env[key] = value;
  }
  return { ...env, ...overrides };
}

/** Runs a command to the end and returns its output (stdout and stderr, interleaved). */
export function run(command: string, args: readonly string[], options: CommandOptions): Promise<string> {
  const line = [command, ...args].join(' ');
  return new Promise((resolve, reject) => {
    // Its own process group, so that ending it also ends what it started (npm's scripts, tsc).
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', (error) => {
      running.delete(child);
      reject(new CommandError(line, `${output}\n${error.message}`));
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve(output);
      else reject(new CommandError(line, `${output}\n(exit code ${code ?? signal})`));
    });
  });
}

/** Ends every command still running, each by its process group. */
export function killRunning(): void {
  for (const child of running) {
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
}
