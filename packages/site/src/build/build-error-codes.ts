import type { CodeInfo } from '@alphanode/parser';
import type { BuildErrorCode } from './build-error.ts';

/** Why `buildSite` could not run at all: the source of the error-code table in the docs. */
export const BUILD_ERROR_CODES = {
  'invalid-rules': { meaning: 'The rules given to the build did not compile; the message lists the diagnostics.', fix: 'Run `alphanode rules lint` on the file and fix what it reports.', retry: 'no' },
  'build-running': { meaning: 'Another build holds the output folder\'s lock.', fix: 'Wait for it to finish; a lock left by a dead process is taken over on the next run.', retry: 'sometimes' },
} as const satisfies Record<BuildErrorCode, CodeInfo>;
