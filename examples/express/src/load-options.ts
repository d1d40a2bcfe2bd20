import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '@alphanode/parser';
import { loadPosts } from '@alphanode/parser/node';
import type { PostInput } from './site/site.ts';

/** Where the example finds its defaults: the shared sample corpus, rules and this package's assets. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_CONTENT_DIR = path.join(EXAMPLES_DIR, 'content');
export const DEFAULT_RULES_FILE = path.join(EXAMPLES_DIR, 'rules.yaml');
export const DEFAULT_ASSETS_DIR = fileURLToPath(new URL('../assets/', import.meta.url));

/**
 * Every `*.txt` post in a folder, each with its file name as its id (what keeps its slug when
 * another post's title gives the same one); a file that does not parse is reported and left out.
 */
export async function loadContent(dir: string): Promise<{ posts: PostInput[]; diagnostics: Diagnostic[] }> {
  const posts: PostInput[] = [];
  const diagnostics: Diagnostic[] = [];
  for await (const { file, result } of loadPosts('*.txt', { cwd: dir })) {
    diagnostics.push(...result.diagnostics.filter((d) => d.severity === 'error'));
    if (result.ok) posts.push({ id: file, post: result.post });
  }
  return { posts, diagnostics };
}

/** The files of a folder by name, as text (assets are small and few). */
export async function readFolder(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')] as const)));
}

export const readText = (file: string): Promise<string> => readFile(file, 'utf8');
