import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Files in an out dir that are the build's own bookkeeping, not pages a visitor is served.
const BOOKKEEPING = /^(manifest\.json|manifest\.journal|purge-plan\.json|_headers|\.alphanode-[^/]*)$/;

/** The URL a static host serves a file at: the inverse of `outputFileFor`. */
export function urlOfFile(file: string): string {
  if (file === 'index.html') return '/';
  return `/${file.endsWith('/index.html') ? file.slice(0, -'/index.html'.length) : file}`;
}

/** Every page an out dir serves: URL → SHA-256 of its bytes, read from the disk, not the manifest. */
export function servedPages(outDir: string): Map<string, string> {
  const pages = new Map<string, string>();
  let entries: string[];
  try {
    entries = readdirSync(outDir, { recursive: true }) as string[];
  } catch {
    return pages;
  }
  for (const entry of entries) {
    const file = entry.split(path.sep).join('/');
    if (BOOKKEEPING.test(file.split('/')[0] as string)) continue;
    const absolute = path.join(outDir, entry);
    if (!statSync(absolute).isFile()) continue;
    pages.set(urlOfFile(file), createHash('sha256').update(readFileSync(absolute)).digest('hex'));
  }
  return pages;
}

/** URLs whose bytes differ between two snapshots, or that are in only one. */
export function changedUrls(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const changed = new Set<string>();
  for (const [url, hash] of before) if (after.get(url) !== hash) changed.add(url);
  for (const url of after.keys()) if (!before.has(url)) changed.add(url);
  return [...changed].sort();
}
