import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fg from 'fast-glob';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSimpleGlob } from './simple-glob.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alphanode-simple-glob-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const name = fc.oneof(
  fc.constantFrom('a.txt', '.hidden.txt', 'b.md', 'c.TXT', 'x.txt.bak', '.txt', 'txt', 'd d.txt', 'é.txt', 'e.txt', 'f.md'),
  fc.stringMatching(/^[a-z.]{1,6}(\.txt)?$/).filter((file) => file !== '.' && file !== '..'),
);
const entry = fc.record({ name, kind: fc.constantFrom('file', 'dir', 'link-file', 'link-dir', 'link-broken') });

describe('listSimpleGlob', () => {
  it('lists what fast-glob lists for dir/*.ext and *.ext, dotfiles, folders and symlinks included', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.name, maxLength: 12 }), fc.constantFrom('content/*.txt', 'content/*', '*.txt', 'content/sub/*.md', 'missing/*.txt'), (entries, pattern) => {
        rmSync(dir, { recursive: true, force: true });
        const folder = pattern.includes('/') ? path.join(dir, path.dirname(pattern)) : dir;
        mkdirSync(folder, { recursive: true });
        writeFileSync(path.join(dir, 'target-file'), 'x');
        mkdirSync(path.join(dir, 'target-dir'), { recursive: true });
        for (const { name: file, kind } of entries) {
          const at = path.join(folder, file);
          if (kind === 'file') writeFileSync(at, 'x');
          else if (kind === 'dir') mkdirSync(at);
          else symlinkSync(kind === 'link-file' ? path.join(dir, 'target-file') : kind === 'link-dir' ? path.join(dir, 'target-dir') : path.join(dir, 'nowhere'), at);
        }
        if (pattern.startsWith('missing')) rmSync(folder, { recursive: true, force: true });
        const expected = fg.sync([pattern], { cwd: dir, onlyFiles: true }).sort();
        expect(listSimpleGlob(pattern, dir)?.sort()).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves every other pattern to fast-glob', () => {
    for (const pattern of ['content/**/*.txt', 'content/*.{txt,md}', './content/*.txt', '../content/*.txt', '/abs/*.txt', 'content/a?.txt', '!(x)/*.txt', 'con*/*.txt', 'content//*.txt', 'c/*.t|t', 'c/*"', 'c|d/*.txt', "c/*'x"]) {
      expect(listSimpleGlob(pattern, dir), pattern).toBeUndefined();
    }
  });
});
