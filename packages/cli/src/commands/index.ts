import type { Command } from '../command.ts';
import { checkCommand } from './check.ts';
import { formatCommand } from './format.ts';
import { generateCommand } from './generate.ts';
import { parseCommand } from './parse.ts';
import { rulesCommand } from './rules.ts';

/** Every subcommand, in the order `alphanode --help` lists them. Add a command by adding its file here. */
export const commands: readonly Command[] = [parseCommand, formatCommand, checkCommand, generateCommand, rulesCommand];
