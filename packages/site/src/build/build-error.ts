/** Why `buildSite` could not run, in `BuildError.code`: rules that do not compile, a bad base URL or page size, or another build running. */
export type BuildErrorCode = 'invalid-rules' | 'invalid-base-url' | 'invalid-page-size' | 'build-running';

// `import` and `require` load two copies of this class (dist/node/index.js and .cjs), so a plain
// prototype check fails across them. A registry symbol is the same in both copies, and in any
// other version of the package that shares this brand.
const brand = Symbol.for('@alphanode/site.BuildError');

/**
 * Why `buildSite` could not run at all (a bad post never throws: it is reported and skipped).
 * `retryable` says whether running the same build again later can succeed.
 */
export class BuildError extends Error {
  /** `error instanceof BuildError` holds for an error thrown by the ESM or the CommonJS build alike. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // A subclass keeps the prototype check: a branded error from another copy is not one of its own.
    if (this !== BuildError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value != null && brand in value;
  }

  override readonly name = 'BuildError';
  readonly code: BuildErrorCode;
  readonly retryable: boolean;

  constructor(code: BuildErrorCode, message: string, retryable: boolean) {
    super(message);
    this.code = code;
    this.retryable = retryable;
    // Not enumerable: the brand stays out of equality checks and structured copies.
    Object.defineProperty(this, brand, { value: true });
  }
}
