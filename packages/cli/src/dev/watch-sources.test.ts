import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchedDirs } from './watched-dirs.ts';
import { watchSources, type SourceWatcher } from './watch-sources.ts';

let dir = '';
let watcher: SourceWatcher | undefined;
let changes: string[] = [];
const at = (...parts: string[]) => path.join(dir, ...parts);
const write = (file: string, text = 'x') => {
  mkdirSync(path.dirname(at(file)), { recursive: true });
  writeFileSync(at(file), text);
};

/** Waits until `ready` holds, for at most two seconds: file events are asynchronous. */
async function until(ready: () => boolean): Promise<void> {
  for (const start = Date.now(); !ready(); ) {
    if (Date.now() - start > 2000) throw new Error(`timed out; changes: ${JSON.stringify(changes)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
/** Lets events that are still coming arrive, then forgets them. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 100));
  changes = [];
}

beforeEach(() => {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'alphanode-watch-')));
  changes = [];
});
afterEach(() => {
  watcher?.close();
  watcher = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('watchedDirs', () => {
  it('is each glob\'s base, the folders below it for a glob that goes deeper, and each match\'s folder, never the out dir', async () => {
    for (const file of ['content/a.txt', 'deep/x/b.txt', 'deep/x/y/c.txt', 'deep/.hidden/d.txt', 'deep/site/e.txt', 'one/f.txt']) write(file);
    const dirs = await watchedDirs(['content/*.txt', 'deep/**/*.txt', 'one/f.txt', 'missing/*.txt'], dir, at('deep/site'));
    expect([...dirs].map((d) => path.relative(dir, d)).sort()).toEqual(['content', 'deep', 'deep/x', 'deep/x/y', 'missing', 'one']);
  });
});

describe('watchSources', () => {
  it('reports a saved post, a new post and a removed one in a watched folder, and nothing in the out dir or dot files', async () => {
    write('content/a.txt');
    write('content/site/index.html');
    watcher = await watchSources({ patterns: ['content/**/*.txt'], cwd: dir, outDir: at('content/site'), onChange: (file) => changes.push(file) });
    expect(watcher.dirs()).toEqual([at('content')]);
    write('content/a.txt', 'edited');
    await until(() => changes.includes(at('content/a.txt')));
    await settle();
    write('content/site/index.html', 'rebuilt');
    write('content/.a.txt.swp');
    write('content/b.txt');
    await until(() => changes.includes(at('content/b.txt')));
    rmSync(at('content/a.txt'));
    await until(() => changes.includes(at('content/a.txt')));
    expect(changes.filter((file) => file.includes('site') || file.includes('.swp'))).toEqual([]);
  });

  it('reports only the rules file in the rules\' folder, even when replaced by a rename', async () => {
    write('content/a.txt');
    write('config/rules.yaml');
    watcher = await watchSources({ patterns: ['content/*.txt'], cwd: dir, outDir: at('dist'), files: [at('config/rules.yaml')], onChange: (file) => changes.push(file) });
    expect(watcher.dirs()).toEqual([at('config'), at('content')]);
    write('config/other.yaml');
    write('config/rules.yaml.tmp', 'new');
    rmSync(at('config/rules.yaml'));
    writeFileSync(at('config/rules.yaml'), 'version: 1');
    await until(() => changes.includes(at('config/rules.yaml')));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(new Set(changes)).toEqual(new Set([at('config/rules.yaml')]));
  });

  it('watches a new folder under a deep glob once refreshed, and counts it a change', async () => {
    write('content/a.txt');
    watcher = await watchSources({ patterns: ['content/**/*.txt'], cwd: dir, outDir: at('dist'), onChange: (file) => changes.push(file) });
    mkdirSync(at('content/2026'));
    await until(() => changes.includes(at('content/2026')));
    await settle();
    await watcher.refresh();
    expect(watcher.dirs()).toEqual([at('content'), at('content/2026')]);
    // A post may have been saved there before the watch began: the new folder counts as a change.
    expect(changes).toEqual([at('content/2026')]);
    write('content/2026/b.txt');
    await until(() => changes.includes(at('content/2026/b.txt')));
    rmSync(at('content/2026'), { recursive: true });
    await until(() => changes.filter((file) => file === at('content/2026')).length > 1);
    await watcher.refresh();
    expect(watcher.dirs()).toEqual([at('content')]);
  });

  it('after a rebuild, globs again only when a change it was for is a folder or outside the watched ones', async () => {
    write('content/a.txt');
    watcher = await watchSources({ patterns: ['content/**/*.txt'], cwd: dir, outDir: at('dist'), onChange: (file) => changes.push(file) });
    // Made without a refresh: whether the next refresh globs shows in whether they are watched.
    mkdirSync(at('content/2026'));
    write('content/a.txt', 'edited');
    await watcher.refresh([at('content/a.txt'), at('content/removed.txt')]);
    expect(watcher.dirs()).toEqual([at('content')]);
    await watcher.refresh([at('content/a.txt'), at('content/2026')]);
    expect(watcher.dirs()).toEqual([at('content'), at('content/2026')]);
    mkdirSync(at('content/2027'));
    await watcher.refresh([at('dist')]);
    expect(watcher.dirs()).toEqual([at('content'), at('content/2026'), at('content/2027')]);
    rmSync(at('content/2026'), { recursive: true });
    await watcher.refresh([at('content/2026')]);
    expect(watcher.dirs()).toEqual([at('content'), at('content/2027')]);
  });

  it('after a save, still looks for a glob base that did not exist when last globbed', async () => {
    write('content/a.txt');
    watcher = await watchSources({ patterns: ['content/*.txt', 'drafts/*.txt'], cwd: dir, outDir: at('dist'), onChange: (file) => changes.push(file) });
    expect(watcher.dirs()).toEqual([at('content')]);
    // No event names it: its parent is not watched.
    write('drafts/b.txt');
    await watcher.refresh([at('content/a.txt')]);
    expect(watcher.dirs()).toEqual([at('content'), at('drafts')]);
    expect(changes).toContain(at('drafts'));
  });

  it('watches anew a folder removed and made again in its place, and counts it a change', async () => {
    write('content/sub/a.txt');
    watcher = await watchSources({ patterns: ['content/**/*.txt'], cwd: dir, outDir: at('dist'), onChange: (file) => changes.push(file) });
    rmSync(at('content/sub'), { recursive: true });
    write('content/sub/b.txt');
    await until(() => changes.includes(at('content/sub')));
    await settle();
    await watcher.refresh([at('content/sub')]);
    expect(changes).toEqual([at('content/sub')]);
    write('content/sub/c.txt');
    await until(() => changes.includes(at('content/sub/c.txt')));
  });
});
