import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { listSources } from './source-list.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'alphanode-sources-'));
  made.push(dir);
  for (const [file, text] of Object.entries(files)) put(dir, file, text);
  return dir;
}

let clock = 1_700_000_000;
/** Writes a file with an mtime of its own, so that every write is a change a stat can see. */
function put(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
  clock += 10;
  utimesSync(path.join(dir, file), clock, clock);
}

const PATTERNS = ['content/**/*.txt', '!content/drafts/**'];
const statOf = (list: ReturnType<typeof listSources>, file: string) => list.stats[list.files.indexOf(file)];

describe('listSources', () => {
  it('lists what the globs match, `!` patterns excluded, in path order', () => {
    const cwd = tree({ 'content/b.txt': 'b', 'content/a.txt': 'a', 'content/x/c.txt': 'c', 'content/drafts/d.txt': 'd', 'content/e.md': 'e', 'other.txt': 'o' });
    expect(listSources(PATTERNS, cwd, `${cwd}/dist`, undefined).files).toEqual(['content/a.txt', 'content/b.txt', 'content/x/c.txt']);
  });

  it('given the changed paths, looks at those only: edits, additions and removals; the rest keeps its last stat', () => {
    const cwd = tree({ 'content/a.txt': 'a', 'content/b.txt': 'b', 'content/c.txt': 'c' });
    const out = `${cwd}/dist`;
    const first = listSources(PATTERNS, cwd, out, undefined);
    put(cwd, 'content/a.txt', 'a, edited');
    put(cwd, 'content/new.txt', 'new');
    put(cwd, 'content/drafts/skip.txt', 'a draft');
    put(cwd, 'notes.txt', 'not a source');
    rmSync(path.join(cwd, 'content/b.txt'));
    // Changed on disk but not reported: a watcher that missed it; the list keeps what it knew.
    put(cwd, 'content/c.txt', 'c, unreported');
    const changed = ['content/a.txt', path.join(cwd, 'content/new.txt'), 'content/drafts/skip.txt', 'notes.txt', 'content/b.txt'];
    const next = listSources(PATTERNS, cwd, out, changed);
    expect(next.files).toEqual(['content/a.txt', 'content/c.txt', 'content/new.txt']);
    expect(statOf(next, 'content/a.txt')).not.toEqual(statOf(first, 'content/a.txt'));
    expect(statOf(next, 'content/c.txt')).toEqual(statOf(first, 'content/c.txt'));
    // A full listing sees the unreported edit.
    expect(statOf(listSources(PATTERNS, cwd, out, undefined), 'content/c.txt')).not.toEqual(statOf(first, 'content/c.txt'));
  });

  it('lists everything again for a folder among the changes, other globs, another out dir, or a path outside cwd', () => {
    const cwd = tree({ 'content/a.txt': 'a', 'content/b.txt': 'b' });
    const out = `${cwd}/dist`;
    const first = listSources(PATTERNS, cwd, out, undefined);
    put(cwd, 'content/b.txt', 'b, edited');
    const unseen = (list: ReturnType<typeof listSources>) => statOf(list, 'content/b.txt') === statOf(first, 'content/b.txt');
    expect(unseen(listSources(PATTERNS, cwd, out, ['content/a.txt']))).toBe(true);
    for (const [patterns, outDir, changed] of [
      [PATTERNS, out, ['content']],
      [['content/*.txt'], out, ['content/a.txt']],
      [PATTERNS, `${cwd}/elsewhere`, ['content/a.txt']],
      [PATTERNS, out, ['../outside.txt']],
    ] as const) {
      // Each starts from a list that has not seen the edit yet.
      put(cwd, 'content/b.txt', `b, edited for ${String(changed)}`);
      listSources(PATTERNS, cwd, out, ['content/a.txt']);
      const list = listSources(patterns, cwd, outDir, changed);
      expect(statOf(list, 'content/b.txt'), String(changed)).toEqual(statOf(listSources(patterns, cwd, outDir, undefined), 'content/b.txt'));
    }
  });

  it('agrees with fast-glob where its globs are subtle: ./ prefixes, ignored folders, extglobs, a folder moved away', () => {
    const cases: { patterns: string[]; change(cwd: string): string[] }[] = [
      // fast-glob answers `./content/a.txt` for `./content/*.txt`.
      { patterns: ['./content/*.txt'], change: (cwd) => (put(cwd, 'content/a.txt', 'a, edited'), [path.join(cwd, 'content/a.txt')]) },
      // An ignored folder is not entered, so nothing in it is listed, whatever its files' names.
      { patterns: ['content/**/*.txt', '!content/drafts'], change: (cwd) => (put(cwd, 'content/drafts/wip.txt', 'draft'), ['content/drafts/wip.txt']) },
      { patterns: ['content/**/*.txt', '!**/sub'], change: (cwd) => (put(cwd, 'content/sub/new.txt', 'new'), ['content/sub/new.txt']) },
      // `!(…)` is an extglob to include, not an ignore pattern.
      { patterns: ['!(drafts)/**/*.txt'], change: (cwd) => (put(cwd, 'content/sub/c.txt', 'c, edited'), ['content/sub/c.txt']) },
      // A folder renamed away: the watcher names the folder, gone, and none of its files.
      { patterns: ['content/**/*.txt'], change: (cwd) => (renameSync(path.join(cwd, 'content/sub'), path.join(cwd, 'moved')), [path.join(cwd, 'content/sub')]) },
      { patterns: ['content/**/*.txt'], change: (cwd) => (renameSync(path.join(cwd, 'content/sub'), path.join(cwd, 'content/.old')), [path.join(cwd, 'content/sub'), path.join(cwd, 'content/.old')]) },
    ];
    for (const { patterns, change } of cases) {
      const cwd = tree({ 'content/a.txt': 'a', 'content/sub/c.txt': 'c', 'content/drafts/d.txt': 'd' });
      listSources(patterns, cwd, `${cwd}/dist`, undefined);
      const hinted = listSources(patterns, cwd, `${cwd}/dist`, change(cwd));
      expect(hinted, patterns.join(' ')).toEqual(listSources(patterns, cwd, `${cwd}/full`, undefined));
    }
  });

  it('with every changed path reported, gives what a full listing gives, after any sequence of writes and removals', () => {
    const names = ['content/a.txt', 'content/b.txt', 'content/x/c.txt', 'content/x/y/d.txt', 'content/drafts/e.txt', 'content/f.md', 'g.txt'];
    const step = fc.record({ file: fc.constantFrom(...names), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.array(step, { maxLength: 6 }), { minLength: 1, maxLength: 5 }), (batches) => {
        const cwd = tree({ 'content/a.txt': 'a', 'content/x/c.txt': 'c' });
        const out = `${cwd}/dist`;
        listSources(PATTERNS, cwd, out, undefined);
        for (const batch of batches) {
          for (const { file, remove } of batch) {
            if (remove) rmSync(path.join(cwd, file), { force: true });
            else put(cwd, file, `${file} ${clock}`);
          }
          const hinted = listSources(PATTERNS, cwd, out, batch.map(({ file }) => file));
          const full = listSources(PATTERNS, cwd, `${out}-full`, undefined);
          expect(hinted).toEqual(full);
        }
      }),
      { numRuns: 60 },
    );
  });
});
