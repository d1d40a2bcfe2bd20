import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIO, Command } from '../command.ts';
import { EXIT_USAGE } from './exit-code.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

/**
 * `node:util` `parseArgs` for one command, with a wrong command line as data: `undefined` after the
 * problem and the command's usage went to stderr, so the caller returns `EXIT_USAGE`.
 */
export function parseOptions<T extends Options>(command: Command, args: string[], options: T, io: CliIO): Parsed<T> | undefined {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    usageError(command, error instanceof Error ? error.message : String(error), io);
    return undefined;
  }
}

/** Reports a wrong command line with the command's usage; returns the exit code for it. */
export function usageError(command: Command, message: string, io: CliIO): number {
  io.stderr.write(`alphanode ${command.name}: ${message}\n\n${command.usage}\n`);
  return EXIT_USAGE;
}

/** Reads a whole number option, or says why it is not one. */
export function wholeNumber(value: string | undefined, fallback: number, name: string, max = Number.MAX_SAFE_INTEGER): number | string {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max) return `--${name} must be a whole number from 0 to ${max}, found ${JSON.stringify(value)}`;
  return Number(value);
}
