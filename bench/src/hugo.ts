import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parsePostOrThrow } from '@alphanode/parser';
import { postToMarkdown } from './post-to-markdown.ts';

/** One Hugo build, timed from spawn to exit like our build's child, and what it wrote. */
export interface HugoRun {
  wallMs: number;
  htmlPages: number;
  /** The pages under `posts/<name>/index.html`: one per post when Hugo rendered them all. */
  postPages: number;
  files: number;
  /** What Hugo said on stderr despite `--quiet` (warnings), trimmed. */
  stderr: string;
}

/** Hugo's version line, or undefined when `hugo` is not on PATH, so the suite can say it skipped it. */
export function hugoVersion(): string | undefined {
  const result = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return result.error !== undefined || result.status !== 0 ? undefined : result.stdout.trim();
}

// Hugo's default config but for what any site sets; the smallest layout that still makes Hugo
// render every page, lists included: the title and the Markdown rendered.
const config = 'baseURL = "https://example.org/"\ntitle = "bench"\n';
const layout = '<!doctype html>\n<html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n';

/**
 * The posts of `contentDir` as a Hugo site in `siteDir`: each as Markdown with YAML front matter
 * (`postToMarkdown`), as a Hugo user would keep it, under `content/posts/` with its file's name.
 */
export function writeHugoSite(contentDir: string, siteDir: string): void {
  mkdirSync(path.join(siteDir, 'content', 'posts'), { recursive: true });
  mkdirSync(path.join(siteDir, 'layouts', '_default'), { recursive: true });
  writeFileSync(path.join(siteDir, 'hugo.toml'), config);
  writeFileSync(path.join(siteDir, 'layouts', '_default', 'single.html'), layout);
  writeFileSync(path.join(siteDir, 'layouts', '_default', 'list.html'), layout);
  for (const name of readdirSync(contentDir).filter((file) => file.endsWith('.txt'))) {
    const post = parsePostOrThrow(readFileSync(path.join(contentDir, name), 'utf8'), { file: name });
    writeFileSync(path.join(siteDir, 'content', 'posts', name.replace(/\.txt$/, '.md')), postToMarkdown(post));
  }
}

/** `hugo --quiet` of `siteDir` into `destination`, which must not exist yet, so nothing is reused. */
export function runHugo(siteDir: string, destination: string): HugoRun {
  const start = performance.now();
  const result = spawnSync('hugo', ['--quiet', '--source', siteDir, '--destination', destination], { encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`hugo exited with ${result.status}: ${result.stderr}`);
  const files = readdirSync(destination, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(destination, path.join(entry.parentPath, entry.name)));
  const html = files.filter((file) => file.endsWith('.html'));
  const postPages = html.filter((file) => /^posts\/[^/]+\/index\.html$/.test(file)).length;
  return { wallMs, htmlPages: html.length, postPages, files: files.length, stderr: result.stderr.trim() };
}
