import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A package README is read on npmjs.com and in node_modules, beside only the files npm shipped: a
// relative link to anything else (docs/, another package, tests) is dead there. Such links go to
// GitHub instead, and those must name a file that exists in this repository.
const root = fileURLToPath(new URL('..', import.meta.url));
const GITHUB_FILE = /^https:\/\/github\.com\/alphanode\/alphanode\/(?:blob|tree)\/main\/([^#?]*)/;
// npm packs these whatever `files` says.
const ALWAYS_SHIPPED = /^(?:package\.json|readme(?:\..*)?|licen[cs]e(?:\..*)?)$/i;

/** Link targets in markdown prose: inline links and images, reference definitions, HTML href/src. */
function linksIn(markdown: string): string[] {
  // Code is not rendered as links; inline code may wrap across lines.
  const prose = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`]*`/g, '');
  const patterns = [/\]\(\s*<?([^)\s>]+)/g, /^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)/gm, /\b(?:href|src)\s*=\s*["']([^"']+)["']/gi];
  return patterns.flatMap((pattern) => [...prose.matchAll(pattern)].map((match) => match[1] as string));
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i] as string;
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Whether npm packs `file` (a path inside the package) under this `files` list: the last matching entry wins. */
function isShipped(files: readonly string[], file: string): boolean {
  if (ALWAYS_SHIPPED.test(file)) return true;
  const parts = file.split('/');
  let shipped = false;
  for (const entry of files) {
    const negated = entry.startsWith('!');
    const pattern = globToRegExp(entry.slice(negated ? 1 : 0).replace(/^\.\//, '').replace(/\/$/, ''));
    // An entry naming a folder covers everything in it.
    if (parts.some((_, index) => pattern.test(parts.slice(0, index + 1).join('/')))) shipped = !negated;
  }
  return shipped;
}

/** Why `link` in the README of the package at `dir` is dead for an npm user, or undefined when it is not. */
function problemWith(link: string, dir: string, files: readonly string[]): string | undefined {
  const github = GITHUB_FILE.exec(link);
  if (github) return existsSync(path.join(root, decodeURIComponent(github[1] as string))) ? undefined : 'not a file in this repository';
  const target = link.replace(/[#?].*$/, '');
  if (target === '' || /^[a-z][a-z\d+.-]*:|^\/\//i.test(target)) return undefined;
  if (target.startsWith('/')) return 'relative to a host, not the package';
  const file = path.posix.normalize(decodeURIComponent(target)).replace(/\/$/, '');
  if (file.startsWith('../')) return 'outside the package';
  if (!existsSync(path.join(dir, file))) return 'no such file';
  return isShipped(files, file) ? undefined : 'not in the package.json "files" list';
}

const packages = readdirSync(path.join(root, 'packages'))
  .map((name) => path.join(root, 'packages', name))
  .filter((dir) => existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'README.md')))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; private?: boolean; files?: string[] } }))
  .filter(({ manifest }) => manifest.private !== true);

describe('package READMEs link only to what npm ships, or to GitHub', () => {
  it('finds the links in prose and not in code', () => {
    const markdown = 'See [a](./a.md) and\n[b][b].\n\n[b]: ../b.md\n<img src="c.png">\n\n```ts\nfoo("[x](y.md)")\n```\nand `[z](z.md)`.';
    expect(linksIn(markdown)).toEqual(['./a.md', '../b.md', 'c.png']);
  });

  it('reads a files list as npm does', () => {
    const files = ['dist', 'src', '!src/**/*.test.ts', '!src/contract', 'schema.json'];
    expect(['dist/index.js', 'src', 'src/a/b.ts', 'schema.json', 'README.md', 'LICENSE', 'package.json'].filter((file) => !isShipped(files, file))).toEqual([]);
    expect(['src/a/b.test.ts', 'src/contract/suite.ts', 'test/fixtures/rules.yaml', 'docs/post-format.md'].filter((file) => isShipped(files, file))).toEqual([]);
  });

  it('finds every published package', () => {
    expect(packages.map(({ manifest }) => manifest.name).sort()).toEqual(['@alphanode/cache-rules', '@alphanode/cli', '@alphanode/parser', '@alphanode/renderer', '@alphanode/site']);
  });

  for (const { dir, manifest } of packages) {
    it(`${manifest.name}: no link to a file outside its "files"`, () => {
      const links = linksIn(readFileSync(path.join(dir, 'README.md'), 'utf8'));
      const problems = links.flatMap((link) => {
        // Without a files list npm packs the whole folder.
        const problem = problemWith(link, dir, manifest.files ?? ['**']);
        return problem === undefined ? [] : [`${link}: ${problem}`];
      });
      expect(problems).toEqual([]);
    });
  }
});
