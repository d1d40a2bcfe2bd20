import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../test/helpers.ts';
import type { Command } from './command.ts';
import { runCli } from './run-cli.ts';

describe('runCli', () => {
  it('lists the commands, exiting 2 without a command and 0 for --help', async () => {
    const bare = captureIo('/');
    expect(await runCli([], bare)).toBe(2);
    // Each command on its own line; not a snapshot, as other commands join the list over time.
    expect(bare.out()).toMatch(/^usage: alphanode <command> \[options\]\n\n/);
    expect(bare.out()).toMatch(/^ {2}parse +read one post and print it \(as JSON with --json\)$/m);
    expect(bare.out()).toMatch(/^ {2}format +print one post rewritten in the canonical layout$/m);
    expect(bare.out()).toMatch(/^ {2}check +parse and lint every post the globs match$/m);
    expect(bare.out()).toMatch(/^ {2}generate +write a corpus of synthetic posts, the same bytes for the same seed$/m);
    expect(bare.out()).toMatch(/\n\nalphanode <command> --help shows a command's options\.\nalphanode --version prints the version\.\n$/);
    const help = captureIo('/');
    expect(await runCli(['--help'], help)).toBe(0);
    expect(help.out()).toBe(bare.out());
  });

  it('prints the package version for --version and -v, exiting 0', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const io = captureIo('/');
      expect(await runCli([flag], io)).toBe(0);
      expect(io.out()).toBe(`${version}\n`);
      expect(io.err()).toBe('');
    }
  });

  it('prints a command usage for COMMAND --help', async () => {
    for (const name of ['parse', 'format', 'check', 'generate']) {
      const io = captureIo('/');
      expect(await runCli([name, '--help'], io)).toBe(0);
      expect(io.out()).toMatch(new RegExp(`^usage: alphanode ${name} `));
    }
  });

  it('exits 2 for an unknown command', async () => {
    const io = captureIo('/');
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.err()).toMatch(/^alphanode: unknown command "frobnicate"/);
  });

  it('runs a command from the list it is given', async () => {
    const echo: Command = { name: 'echo', summary: 'echo', usage: 'usage: echo', run: async (args, io) => (io.stdout.write(args.join(' ')), 0) };
    const io = captureIo('/');
    expect(await runCli(['echo', 'a', 'b'], io, [echo])).toBe(0);
    expect(io.out()).toBe('a b');
  });
});
