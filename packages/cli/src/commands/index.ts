import type { Command } from '../command.ts';

/** Every subcommand, in the order `alphanode --help` lists them. Add a command by adding its file here. */
export const commands: readonly Command[] = [];
