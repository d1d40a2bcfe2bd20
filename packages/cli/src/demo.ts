/**
 * `pnpm demo`: the CLI end to end in a few seconds. Generates a plain and a hostile corpus into a
 * temporary directory, checks both, and shows one post as the parser reads it.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { runCli } from './run-cli.ts';

const dir = await mkdtemp(path.join(os.tmpdir(), 'alphanode-demo-'));
const io = { stdout: process.stdout, stderr: process.stderr, cwd: dir };
const step = async (args: string[]) => {
  process.stdout.write(`\n$ alphanode ${args.join(' ')}\n`);
  return runCli(args, io);
};

try {
  await step(['generate', '--count', '25', '--seed', '7', '--out', 'plain']);
  await step(['generate', '--count', '25', '--seed', '7', '--out', 'hostile', '--hostile']);
  await step(['check', 'plain/*.txt']);
  // Hostile posts are valid posts; a lint flags only the hostile reference, hash or version values.
  await step(['check', 'hostile/*.txt']);
  const [first] = (await readdir(path.join(dir, 'hostile'))).sort();
  if (first) await step(['parse', `hostile/${first}`]);
} finally {
  await rm(dir, { recursive: true, force: true });
}
