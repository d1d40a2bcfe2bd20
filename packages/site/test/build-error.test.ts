import { describe, expect, it } from 'vitest';
import { BuildError } from '../src/build/build-error.ts';

describe('BuildError', () => {
  it('is an instance of itself and of Error, and an unrelated Error or a non-object is not one', () => {
    const error = new BuildError('build-running', 'busy', true);
    expect(error instanceof BuildError).toBe(true);
    expect(error instanceof Error).toBe(true);
    expect(new Error('x') instanceof BuildError).toBe(false);
    expect(Object.create(Error.prototype) instanceof BuildError).toBe(false);
    for (const value of [null, undefined, 'BuildError', 1] as unknown[]) expect(value instanceof BuildError).toBe(false);
  });

  it("holds for another copy's error, which carries the same registry symbol", () => {
    // What the other build's constructor leaves on its errors.
    const foreign = new Error('from the CommonJS build');
    Object.defineProperty(foreign, Symbol.for('@alphanode/site.BuildError'), { value: true });
    expect(foreign instanceof BuildError).toBe(true);
  });

  it('keeps subclasses apart: a subclass instance is a BuildError, a BuildError is not the subclass', () => {
    class LockError extends BuildError {}
    const sub = new LockError('build-running', 'busy', true);
    expect(sub instanceof BuildError).toBe(true);
    expect(sub instanceof LockError).toBe(true);
    expect(new BuildError('build-running', 'busy', true) instanceof LockError).toBe(false);
  });

  it('keeps the brand out of its own keys, so equality and JSON see the same error as before', () => {
    const error = new BuildError('invalid-base-url', 'bad', false);
    expect(Object.keys(error)).toEqual(['name', 'code', 'retryable']);
    expect(Object.getOwnPropertySymbols(error).every((key) => !Object.getOwnPropertyDescriptor(error, key)?.enumerable)).toBe(true);
  });
});
