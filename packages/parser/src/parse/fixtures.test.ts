import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../test/paths.ts';
import { lintPost } from '../lint/lint-post.ts';
import { stringifyPost } from '../stringify/stringify-post.ts';
import { parsePost } from './parse-post.ts';

// Golden fixtures: test/fixtures/<case>.txt beside <case>.json, the parse and lint result.
// `UPDATE=1 pnpm test` rewrites the .json files; review each diff before committing it.
const update = process.env.UPDATE === '1';
const cases = readdirSync(fixturesDir).filter((name) => name.endsWith('.txt')).sort();

describe('golden fixtures', () => {
  it('has fixtures for good and bad posts', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of cases) {
    it(name, () => {
      const text = readFileSync(path.join(fixturesDir, name), 'utf8');
      const result = parsePost(text, { file: name });
      const lint = result.ok ? lintPost(result.post, { locations: result.locations, file: name }) : [];
      const actual = { ok: result.ok, post: result.ok ? result.post : null, diagnostics: [...result.diagnostics, ...lint] };
      const goldenFile = path.join(fixturesDir, name.replace(/\.txt$/, '.json'));
      // Written only when asked: a missing golden file fails, so CI never writes what it should check.
      if (update) writeFileSync(goldenFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(existsSync(goldenFile), `${goldenFile} is missing: run UPDATE=1 pnpm test and review it`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(goldenFile, 'utf8')));
      if (result.ok) expect(parsePost(stringifyPost(result.post)).ok && parsePost(stringifyPost(result.post))).toMatchObject({ post: result.post });
    });
  }
});
