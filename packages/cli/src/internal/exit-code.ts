/**
 * The exit codes every command uses: 0 all good, 1 the input has errors, 2 the command line was
 * wrong, 75 (sysexits' EX_TEMPFAIL) the command could not run now and running it later can work.
 */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_TEMPFAIL = 75;
