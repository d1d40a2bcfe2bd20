import process from 'node:process';
import { runCli } from './run-cli.ts';

const io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`alphanode: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
