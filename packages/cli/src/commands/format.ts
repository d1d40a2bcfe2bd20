import { stringifyPost } from '@alphanode/parser';
import { loadPost } from '@alphanode/parser/node';
import type { Command } from '../command.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../internal/exit-code.ts';
import { parseOptions, usageError } from '../internal/parse-options.ts';
import { writeDiagnostics } from '../internal/write-diagnostics.ts';

/** `alphanode format FILE [--strict]`: a post written back in the canonical layout. */
export const formatCommand: Command = {
  name: 'format',
  summary: 'print one post rewritten in the canonical layout',
  usage: [
    'usage: alphanode format FILE [--strict]',
    '',
    '  --strict   treat warnings as errors',
    '',
    'Prints the post as the format writes it (fields in order, LF line endings). A post already in',
    'the canonical layout comes out byte for byte. Exit 1, with diagnostics on stderr, when it has errors.',
  ].join('\n'),
  async run(args, io) {
    const parsed = parseOptions(this, args, { strict: { type: 'boolean' } }, io);
    if (!parsed) return EXIT_USAGE;
    const [file, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) return usageError(this, 'expected exactly one FILE', io);
    const { result } = await loadPost(file, { cwd: io.cwd, strict: parsed.values.strict === true });
    writeDiagnostics(io.stderr, result.diagnostics);
    if (!result.ok) return EXIT_FAILED;
    io.stdout.write(stringifyPost(result.post));
    return EXIT_OK;
  },
};
