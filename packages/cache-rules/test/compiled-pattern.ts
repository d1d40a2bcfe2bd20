import { compilePattern, type PathPattern } from '../src/pattern/compile-pattern.ts';

/** A pattern the test knows is valid, compiled; throws with the compiler's message if it is not. */
export function compiled(source: string): PathPattern {
  const result = compilePattern(source);
  if (!result.ok) throw new Error(result.message);
  return result.pattern;
}
