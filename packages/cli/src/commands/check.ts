import type { Diagnostic } from '@alphanode/parser';
import { loadPosts } from '@alphanode/parser/node';
import fg from 'fast-glob';
import type { Command } from '../command.ts';
import { addToSummary, emptySummary, formatSummary, reportFile, type FileReport } from '../internal/check-report.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../internal/exit-code.ts';
import { parseOptions, usageError, wholeNumber } from '../internal/parse-options.ts';
import { createProgressBar, type ProgressBar } from '../internal/progress-bar.ts';
import { writeDiagnostics } from '../internal/write-diagnostics.ts';

// The same match as loadPosts, counted first only to give the progress bar its total.
const countFiles = async (patterns: string[], cwd: string): Promise<number> => (await fg(patterns, { cwd, onlyFiles: true, dot: false })).length;

/** `alphanode check GLOB... [--strict] [--json]`: parse and lint many posts, one line each finding. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'parse and lint every post the globs match',
  usage: [
    'usage: alphanode check GLOB... [--strict] [--json] [--verbose] [--concurrency N]',
    '',
    '  --strict         treat warnings (parse and lint) as errors',
    '  --json           print {summary, files} as JSON on stdout; the summary line goes to stderr',
    '  --verbose        also print info diagnostics (CRLF line endings, a byte-order mark, ambiguous',
    '                   lines, ...), as text and in --json',
    '  --concurrency N  files read and parsed at once (default 8)',
    '',
    'Prints FILE:LINE:COL: severity CODE: message lines, then one summary line. A bad or unreadable',
    'file is reported and the check goes on. Exit 1 when any file has an error, 2 when no file matches.',
  ].join('\n'),
  async run(args, io) {
    const parsed = parseOptions(
      this,
      args,
      { strict: { type: 'boolean' }, json: { type: 'boolean' }, verbose: { type: 'boolean' }, concurrency: { type: 'string' } },
      io,
    );
    if (!parsed) return EXIT_USAGE;
    const patterns = parsed.positionals;
    if (patterns.length === 0) return usageError(this, 'expected at least one GLOB', io);
    const concurrency = wholeNumber(parsed.values.concurrency, 8, 'concurrency', 256);
    if (typeof concurrency === 'string' || concurrency === 0) return usageError(this, typeof concurrency === 'string' ? concurrency : '--concurrency must be at least 1', io);
    const { strict = false, json = false, verbose = false } = parsed.values;

    const started = performance.now();
    const progress: ProgressBar | undefined = io.stderr.isTTY ? createProgressBar(io.stderr, await countFiles(patterns, io.cwd)) : undefined;
    const summary = emptySummary();
    const reports: FileReport[] = [];
    const shown = (diagnostic: Diagnostic) => verbose || diagnostic.severity !== 'info';
    for await (const { file, result } of loadPosts(patterns, { cwd: io.cwd, concurrency, strict })) {
      const report = reportFile(file, result, strict);
      addToSummary(summary, report);
      if (json) reports.push(verbose ? report : { ...report, diagnostics: report.diagnostics.filter(shown) });
      else if (report.diagnostics.some(shown)) {
        progress?.clear();
        writeDiagnostics(io.stdout, report.diagnostics.filter(shown));
      }
      progress?.tick();
    }
    progress?.clear();
    summary.elapsedMs = performance.now() - started;

    if (summary.files === 0) {
      io.stderr.write(`alphanode check: no files match ${patterns.map((pattern) => JSON.stringify(pattern)).join(' ')} (from ${io.cwd})\n`);
      return EXIT_USAGE;
    }
    if (json) {
      io.stdout.write(`${JSON.stringify({ summary, files: reports }, null, 2)}\n`);
      io.stderr.write(`${formatSummary(summary)}\n`);
    } else {
      io.stdout.write(`${formatSummary(summary)}\n`);
    }
    return summary.errors > 0 ? EXIT_FAILED : EXIT_OK;
  },
};
