import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME_CSS } from './default-theme-css.ts';

const source = new URL('../../theme/default.css', import.meta.url);
const generated = new URL('./default-theme-css.ts', import.meta.url);

/** The module that carries theme/default.css as a string. */
function moduleFor(css: string): string {
  return `// Generated from theme/default.css by default-theme-css.test.ts (UPDATE=1 rewrites it); edit the CSS, not this file.

/**
 * The default theme's CSS: the text of \`@alphanode/renderer/theme.css\`. Readable type, a dark
 * scheme by \`prefers-color-scheme\`, a layout that fits a phone, and the meta box as chips, bars,
 * tables and a fold; no JavaScript, no fonts, no images. A site's own stylesheets, linked after it,
 * override it.
 *
 * @example
 * import { DEFAULT_THEME_CSS } from '@alphanode/renderer/theme';
 * const response = new Response(DEFAULT_THEME_CSS, { headers: { 'content-type': 'text/css; charset=utf-8' } });
 */
export const DEFAULT_THEME_CSS: string = ${JSON.stringify(css)};
`;
}

describe('the default theme', () => {
  it('is theme/default.css, as a string module (UPDATE=1 rewrites it; review the diff)', () => {
    const css = readFileSync(source, 'utf8');
    if (process.env.UPDATE === '1') writeFileSync(generated, moduleFor(css));
    expect(readFileSync(generated, 'utf8')).toBe(moduleFor(css));
    // The module imported above is the one from before a rewrite, until the next run.
    if (process.env.UPDATE !== '1') expect(DEFAULT_THEME_CSS).toBe(css);
  });

  it('stays small, makes no request of its own, and has a dark scheme', () => {
    expect(DEFAULT_THEME_CSS.length).toBeLessThanOrEqual(6 * 1024);
    expect(gzipSync(DEFAULT_THEME_CSS, { level: 9 }).length).toBeLessThanOrEqual(2.5 * 1024);
    expect(DEFAULT_THEME_CSS).not.toMatch(/url\(|@import|@font-face|expression\(/i);
    expect(DEFAULT_THEME_CSS).toContain('@media (prefers-color-scheme: dark)');
  });
});
