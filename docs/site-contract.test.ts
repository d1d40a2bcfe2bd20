import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// @alphanode/site's routes are the one map between posts and URLs: a URL made from `slugify` alone
// misses a duplicate title's suffix and the rules' `post.path`, and one read back by cutting off
// `/posts/` misses the same. Its `ifNoneMatch` is the one If-None-Match: `===` against the header
// misses lists, `*` and weakened tags. Docs, READMEs, examples and the bench are what users copy, so
// none of them may do any of these.
const root = fileURLToPath(new URL('..', import.meta.url));
const HAND_BUILT = [
  { pattern: /\$\{slugify\(/, why: 'a URL made from slugify alone (use assignSlugs and routes.postUrl)' },
  { pattern: /\.slice\(\s*['"`]\/posts\/['"`]\.length\s*\)/, why: 'a slug cut out of a URL (use routes.match)' },
  { pattern: /if-none-match['"]\)\s*===/i, why: 'If-None-Match compared with === (use ifNoneMatch)' },
];

/** Every .md and non-test .ts file under `dir`, outside node_modules, dist and generated folders. */
function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return ['node_modules', 'dist', '.snippets'].includes(entry.name) ? [] : filesUnder(file);
    return /\.(md|ts)$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name) ? [file] : [];
  });
}

describe('post URLs and If-None-Match come from @alphanode/site', () => {
  it('finds each hand-made shape', () => {
    const sample = 'const href = `/posts/${slugify(title)}`;\nconst slug = post.slice(\'/posts/\'.length);\nif (request.headers.get(\'if-none-match\') === etag) {}';
    expect(HAND_BUILT.filter(({ pattern }) => pattern.test(sample))).toHaveLength(3);
  });

  it('nowhere in the docs, READMEs, packages, examples or bench', () => {
    const files = ['README.md', ...filesUnder('docs'), ...filesUnder('examples'), ...filesUnder('bench'), ...readdirSync(path.join(root, 'packages')).flatMap((name) => filesUnder(`packages/${name}`))];
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      return HAND_BUILT.filter(({ pattern }) => pattern.test(text)).map(({ why }) => `${file}: ${why}`);
    });
    expect(found).toEqual([]);
  });
});
