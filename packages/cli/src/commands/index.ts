import type { Command } from '../command.ts';
import { buildCommand } from './build.ts';
import { checkCommand } from './check.ts';
import { devCommand } from './dev.ts';
import { formatCommand } from './format.ts';
import { generateCommand } from './generate.ts';
import { parseCommand } from './parse.ts';
import { purgeCommand } from './purge.ts';
import { rulesCommand } from './rules.ts';
import { verifyCommand } from './verify.ts';

/** Every subcommand, in the order `alphanode --help` lists them. Add a command by adding its file here. */
export const commands: readonly Command[] = [parseCommand, formatCommand, checkCommand, generateCommand, buildCommand, devCommand, rulesCommand, purgeCommand, verifyCommand];
