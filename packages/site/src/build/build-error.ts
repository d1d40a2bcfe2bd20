/** Why `buildSite` could not run, in `BuildError.code`: rules that do not compile, a bad base URL or page size, or another build running. */
export type BuildErrorCode = 'invalid-rules' | 'invalid-base-url' | 'invalid-page-size' | 'build-running';

/**
 * Why `buildSite` could not run at all (a bad post never throws: it is reported and skipped).
 * `retryable` says whether running the same build again later can succeed.
 */
export class BuildError extends Error {
  override readonly name = 'BuildError';
  readonly code: BuildErrorCode;
  readonly retryable: boolean;

  constructor(code: BuildErrorCode, message: string, retryable: boolean) {
    super(message);
    this.code = code;
    this.retryable = retryable;
  }
}
