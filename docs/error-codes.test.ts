import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES_PAGE, renderErrorCodes } from './error-codes.ts';

describe('docs/error-codes.md', () => {
  it('is what the code tables render (run `pnpm docs:codes` after changing a code)', () => {
    expect(readFileSync(ERROR_CODES_PAGE, 'utf8')).toBe(renderErrorCodes());
  });

  it('lists every code of every package, each once in its section', () => {
    const sections = renderErrorCodes().split(/^## /m).slice(1);
    const codes = sections.map((section) => [...section.matchAll(/^\| `([A-Za-z0-9_-]+)` \|/gm)].map((match) => match[1]));
    for (const list of codes) expect(new Set(list).size).toBe(list.length);
    const all = codes.flat();
    for (const code of ['ambiguous-line', 'read-failed', 'yaml-syntax', 'looks-like-regex', 'unknown-target', 'rate-limited', 'key-skipped', 'build-running']) expect(all).toContain(code);
    expect(all.length).toBeGreaterThan(70);
  });

  it('has the codes thrown, reported by verify and exited with, beside the diagnostics', () => {
    const page = renderErrorCodes();
    for (const heading of ['@alphanode/parser: errors', '@alphanode/cache-rules/verify: leaks', '@alphanode/cache-rules/verify: notices', '@alphanode/cli: exit codes']) expect(page).toContain(`\n## ${heading}\n`);
    for (const code of ['ALPHANODE_PARSE_FAILED', 'personal-bytes-shared', 'budget-exhausted', '75']) expect(page).toContain(`| \`${code}\` |`);
  });
});
