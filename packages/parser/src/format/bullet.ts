import { BULLET, DEEP_BULLET } from './markers.ts';

const SPACE = 32;
const DOT = 0x2022;

/**
 * 1 for a `  • ` line, 2 for a `    • ` line, 0 otherwise. Compares character codes: V8's
 * startsWith with a non-ASCII needle is several times slower, and this runs on every line.
 */
export function bulletDepth(line: string): 0 | 1 | 2 {
  if (line.charCodeAt(0) !== SPACE || line.charCodeAt(1) !== SPACE) return 0;
  const third = line.charCodeAt(2);
  if (third === DOT) return line.charCodeAt(3) === SPACE ? 1 : 0;
  return third === SPACE && line.charCodeAt(3) === SPACE && line.charCodeAt(4) === DOT && line.charCodeAt(5) === SPACE ? 2 : 0;
}

/** Where a bullet line's text starts (0-based). */
export function bulletIndent(line: string): number {
  return bulletDepth(line) === 2 ? DEEP_BULLET.length : BULLET.length;
}
