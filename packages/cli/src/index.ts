/**
 * @module The alphanode command line, also callable from code.
 */
export { runCli } from './run-cli.ts';
export type { CliIO, Command } from './command.ts';
