import { loadPost } from '@alphanode/parser/node';
import type { Command } from '../command.ts';
import { describePost } from '../internal/describe-post.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../internal/exit-code.ts';
import { parseOptions, usageError } from '../internal/parse-options.ts';
import { writeDiagnostics } from '../internal/write-diagnostics.ts';

/** `alphanode parse FILE [--json] [--strict]`: one post, read and validated, printed as JSON. */
export const parseCommand: Command = {
  name: 'parse',
  summary: 'read one post and print it (as JSON with --json)',
  usage: [
    'usage: alphanode parse FILE [--json] [--strict]',
    '',
    '  --json     print the parsed post as JSON (default: a short description)',
    '  --strict   treat warnings as errors',
    '',
    'Diagnostics go to stderr as FILE:LINE:COL: severity CODE: message. Exit 1 when the post has errors.',
  ].join('\n'),
  async run(args, io) {
    const parsed = parseOptions(this, args, { json: { type: 'boolean' }, strict: { type: 'boolean' } }, io);
    if (!parsed) return EXIT_USAGE;
    const [file, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) return usageError(this, 'expected exactly one FILE', io);
    const { result } = await loadPost(file, { cwd: io.cwd, strict: parsed.values.strict === true });
    writeDiagnostics(io.stderr, result.diagnostics);
    if (!result.ok) return EXIT_FAILED;
    io.stdout.write(parsed.values.json ? `${JSON.stringify(result.post, null, 2)}\n` : describePost(result.post));
    return EXIT_OK;
  },
};
