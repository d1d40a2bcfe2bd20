import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES_PAGE, renderErrorCodes } from './error-codes.ts';

describe('docs/error-codes.md', () => {
  it('is what the code tables render (run `pnpm docs:codes` after changing a code)', () => {
    expect(readFileSync(ERROR_CODES_PAGE, 'utf8')).toBe(renderErrorCodes());
  });

  it('lists every code of every package, each once', () => {
    const codes = [...renderErrorCodes().matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]);
    for (const code of ['ambiguous-line', 'read-failed', 'yaml-syntax', 'looks-like-regex', 'unknown-target', 'rate-limited', 'key-skipped', 'build-running']) expect(codes).toContain(code);
    expect(codes.length).toBeGreaterThan(70);
  });
});
