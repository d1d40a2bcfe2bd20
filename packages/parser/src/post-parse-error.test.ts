import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostic.ts';
import { PostParseError } from './post-parse-error.ts';

const diagnostic: Diagnostic = { code: 'invalid-number', severity: 'error', message: 'bad', line: 1, column: 1, retryable: false };

describe('PostParseError', () => {
  it('is an instance of itself and of Error, and an unrelated Error or a non-object is not one', () => {
    const error = new PostParseError([diagnostic]);
    expect(error instanceof PostParseError).toBe(true);
    expect(error instanceof Error).toBe(true);
    expect(new Error('x') instanceof PostParseError).toBe(false);
    expect(Object.create(Error.prototype) instanceof PostParseError).toBe(false);
    for (const value of [null, undefined, 'PostParseError', 1] as unknown[]) expect(value instanceof PostParseError).toBe(false);
  });

  it("holds for another copy's error, which carries the same registry symbol", () => {
    // What the other build's constructor leaves on its errors.
    const foreign = new Error('from the CommonJS build');
    Object.defineProperty(foreign, Symbol.for('@alphanode/parser.PostParseError'), { value: true });
    expect(foreign instanceof PostParseError).toBe(true);
  });

  it('keeps subclasses apart: a subclass instance is a PostParseError, a PostParseError is not the subclass', () => {
    class StrictParseError extends PostParseError {}
    const sub = new StrictParseError([diagnostic]);
    expect(sub instanceof PostParseError).toBe(true);
    expect(sub instanceof StrictParseError).toBe(true);
    expect(new PostParseError([diagnostic]) instanceof StrictParseError).toBe(false);
  });

  it('keeps the brand out of its own keys, so equality and JSON see the same error as before', () => {
    const error = new PostParseError([diagnostic]);
    expect(Object.keys(error)).toEqual(['name', 'code', 'diagnostics']);
    expect(Object.getOwnPropertySymbols(error).every((key) => !Object.getOwnPropertyDescriptor(error, key)?.enumerable)).toBe(true);
  });
});
