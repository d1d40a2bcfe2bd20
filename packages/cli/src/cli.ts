import process from 'node:process';
import { EXIT_SOFTWARE } from './internal/exit-code.ts';
import { runCli } from './run-cli.ts';

// `alphanode check ... | head` closes the pipe early; that is the reader being done, not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`alphanode: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_SOFTWARE;
  },
);
