import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from '../command.ts';
import { corpusFileAt } from '../generate/generate-corpus.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../internal/exit-code.ts';
import { parseOptions, usageError, wholeNumber } from '../internal/parse-options.ts';
import { createProgressBar } from '../internal/progress-bar.ts';

/** `alphanode generate --count N --seed S --out DIR [--hostile]`: a synthetic corpus, the same for a seed. */
export const generateCommand: Command = {
  name: 'generate',
  summary: 'write a corpus of synthetic posts, the same bytes for the same seed',
  usage: [
    'usage: alphanode generate --out DIR [--count N] [--seed S] [--hostile]',
    '',
    '  --out DIR    where to write the posts (created if missing; other files are left alone)',
    '  --count N    how many posts (default 10)',
    '  --seed S     a whole number naming the corpus (default 1): the same seed writes the same files',
    '  --hostile    mix markup, script URLs and unicode tricks into every text field, for renderer tests',
    '',
    'Files are named NNN_<16 hex digits of a hash of the text>.txt, like the seed posts.',
  ].join('\n'),
  async run(args, io) {
    const parsed = parseOptions(
      this,
      args,
      { out: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' }, hostile: { type: 'boolean' } },
      io,
    );
    if (!parsed) return EXIT_USAGE;
    if (parsed.positionals.length > 0) return usageError(this, `unexpected argument ${JSON.stringify(parsed.positionals[0])}`, io);
    const { out, hostile = false } = parsed.values;
    if (out === undefined || out === '') return usageError(this, '--out DIR is required', io);
    const count = wholeNumber(parsed.values.count, 10, 'count', 1_000_000);
    if (typeof count === 'string') return usageError(this, count, io);
    const seed = wholeNumber(parsed.values.seed, 1, 'seed', 0xffffffff);
    if (typeof seed === 'string') return usageError(this, seed, io);

    const dir = path.resolve(io.cwd, out);
    let target = dir;
    const progress = io.stderr.isTTY ? createProgressBar(io.stderr, count) : undefined;
    try {
      await mkdir(dir, { recursive: true });
      for (let index = 0; index < count; index++) {
        const { fileName, text } = corpusFileAt(index, { count, seed, hostile });
        target = path.join(dir, fileName);
        await writeFile(target, text);
        progress?.tick();
      }
    } catch (error) {
      progress?.clear();
      io.stderr.write(`alphanode generate: could not write ${target}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_FAILED;
    }
    progress?.clear();
    io.stdout.write(`wrote ${count} ${hostile ? 'hostile ' : ''}post${count === 1 ? '' : 's'} to ${out} (seed ${seed})\n`);
    return EXIT_OK;
  },
};
