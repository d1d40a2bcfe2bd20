import type { CodeInfo } from '@alphanode/parser';

/**
 * Every exit code `alphanode` ends with, for people: the source of the CLI's table in the docs.
 * `ExitCode` is this table's keys and each constant below must be one, so a new exit code cannot
 * ship without its entry. 70 and 75 are sysexits' EX_SOFTWARE and EX_TEMPFAIL; 130 is the shell's
 * 128 + SIGINT.
 */
export const EXIT_CODES = {
  0: { meaning: 'The command did what was asked; for check, build and verify, no input has errors.', fix: 'Nothing.', retry: 'no' },
  1: { meaning: 'Some input has errors: a post that does not parse, rules that do not compile, a purge the CDN refused, a live site that failed verification.', fix: 'Read the findings on stderr; each error says whether a retry can help (a file that could not be read) or not (bad content).', retry: 'sometimes' },
  2: { meaning: 'The command line was wrong: an unknown command or option, a missing argument, or no file matched.', fix: 'Run alphanode COMMAND --help and correct the command line.', retry: 'no' },
  70: { meaning: 'An internal error: alphanode threw where it should have reported; the stack trace is on stderr.', fix: 'Report it at https://github.com/alphanode/alphanode/issues with the command and the trace.', retry: 'no' },
  75: { meaning: 'The command could not run now: another build holds the out dir, or a purge was rate-limited or met server errors on every attempt.', fix: 'Run the same command again later; builds and purges are safe to repeat.', retry: 'sometimes' },
  130: { meaning: 'alphanode dev got a second Ctrl-C (or SIGTERM) while stopping, and exited at once.', fix: 'Nothing: the next build repairs the out dir from its journal.', retry: 'no' },
} as const satisfies Record<number, CodeInfo>;

/** An exit code of `alphanode`: a key of `EXIT_CODES`. */
export type ExitCode = keyof typeof EXIT_CODES;

/** All good. */
export const EXIT_OK = 0 satisfies ExitCode;
/** The input has errors. */
export const EXIT_FAILED = 1 satisfies ExitCode;
/** The command line was wrong. */
export const EXIT_USAGE = 2 satisfies ExitCode;
/** An internal error (sysexits' EX_SOFTWARE): a bug, reported with its stack. */
export const EXIT_SOFTWARE = 70 satisfies ExitCode;
/** The command could not run now, and running it later can work (sysexits' EX_TEMPFAIL). */
export const EXIT_TEMPFAIL = 75 satisfies ExitCode;
/** `alphanode dev` stopped at once by a second signal (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130 satisfies ExitCode;
