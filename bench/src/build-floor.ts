// The floor under a full build, in its own process: `node build-floor.ts CONTENT_DIR OUT_DIR`. No build
// can do less than parse and render every post and write its bytes, so the distance from our build to
// these two figures is what our own machinery (hashing, manifest, listings, workers, atomic writes) costs.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { parsePost } from '@alphanode/parser';
import { renderPost } from '@alphanode/renderer';
import { DEFAULT_THEME_CSS } from '@alphanode/renderer/theme';

/** What the child prints. */
export interface FloorRun {
  /** `parsePost` + `renderPost` + `JSON.stringify` of every post, in memory, on one thread. */
  renderMs: number;
  /** Plain `writeFileSync` of those bytes, a folder per post as the build lays them out. */
  writeMs: number;
  files: number;
  bytes: number;
}

const [contentDir, outDir] = process.argv.slice(2) as [string, string];
const texts = readdirSync(contentDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(path.join(contentDir, name), 'utf8'));
// The page links the theme as the build's does, so the bytes written are the same size.
const stylesheets = [{ href: '/assets/theme.00000000.css', integrity: `sha384-${createHash('sha384').update(DEFAULT_THEME_CSS).digest('base64')}` }];

const renderStart = performance.now();
const pages = texts.map((text, n) => {
  const result = parsePost(text);
  if (!result.ok) throw new Error(`post ${n} does not parse: ${result.diagnostics[0]?.message}`);
  return { html: renderPost(result.post, { siteName: 'alphanode', path: `/posts/${n}`, lang: 'en', stylesheets }), json: `${JSON.stringify(result.post)}\n` };
});
const renderMs = performance.now() - renderStart;

const writeStart = performance.now();
mkdirSync(path.join(outDir, 'posts'), { recursive: true });
pages.forEach(({ html, json }, n) => {
  mkdirSync(path.join(outDir, 'posts', String(n)));
  writeFileSync(path.join(outDir, 'posts', String(n), 'index.html'), html);
  writeFileSync(path.join(outDir, 'posts', `${n}.json`), json);
});
const writeMs = performance.now() - writeStart;

const bytes = pages.reduce((sum, { html, json }) => sum + Buffer.byteLength(html) + Buffer.byteLength(json), 0);
const run: FloorRun = { renderMs, writeMs, files: pages.length * 2, bytes };
process.stdout.write(JSON.stringify(run));
