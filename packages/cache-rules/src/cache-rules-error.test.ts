import { describe, expect, it } from 'vitest';
import { CacheRulesError } from './cache-rules-error.ts';

describe('CacheRulesError', () => {
  it('is an instance of itself and of Error, and an unrelated Error or a non-object is not one', () => {
    const error = new CacheRulesError('unknown-target', 'bad');
    expect(error instanceof CacheRulesError).toBe(true);
    expect(error instanceof Error).toBe(true);
    expect(CacheRulesError.fromDiagnostics([]) instanceof CacheRulesError).toBe(true);
    expect(new Error('x') instanceof CacheRulesError).toBe(false);
    expect(Object.create(Error.prototype) instanceof CacheRulesError).toBe(false);
    for (const value of [null, undefined, 'CacheRulesError', 1] as unknown[]) expect(value instanceof CacheRulesError).toBe(false);
  });

  it("holds for another copy's error, which carries the same registry symbol", () => {
    // What the other build's constructor leaves on its errors.
    const foreign = new Error('from the CommonJS build');
    Object.defineProperty(foreign, Symbol.for('@alphanode/cache-rules.CacheRulesError'), { value: true });
    expect(foreign instanceof CacheRulesError).toBe(true);
  });

  it('keeps subclasses apart: a subclass instance is a CacheRulesError, a CacheRulesError is not the subclass', () => {
    class TargetError extends CacheRulesError {}
    const sub = new TargetError('unknown-target', 'bad');
    expect(sub instanceof CacheRulesError).toBe(true);
    expect(sub instanceof TargetError).toBe(true);
    expect(new CacheRulesError('unknown-target', 'bad') instanceof TargetError).toBe(false);
  });

  it('keeps the brand out of its own keys, so equality and JSON see the same error as before', () => {
    const error = new CacheRulesError('invalid-rules', 'bad', { diagnostics: [] });
    expect(Object.keys(error)).toEqual(['name', 'code', 'diagnostics']);
    expect(Object.getOwnPropertySymbols(error).every((key) => !Object.getOwnPropertyDescriptor(error, key)?.enumerable)).toBe(true);
  });
});
