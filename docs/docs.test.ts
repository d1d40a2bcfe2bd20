import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every ```ts block in docs/*.md is written to a module and run, so that the docs cannot drift from
// the code: a block that throws (its own assertions included) fails the test. The modules stay in
// docs/.snippets (ignored by git) so that a failure's stack trace points at a real file.
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '.snippets');
const blocks = readdirSync(here)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .flatMap((name) => {
    const text = readFileSync(path.join(here, name), 'utf8');
    return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match, index) => ({ name, index, code: match[1] as string }));
  });

describe('docs code samples', () => {
  it('finds samples to run', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  for (const block of blocks) {
    it(`${block.name} sample ${block.index + 1} runs`, async () => {
      mkdirSync(out, { recursive: true });
      const file = path.join(out, `${block.name.replace(/\W/g, '-')}-${block.index}.ts`);
      writeFileSync(file, block.code);
      await import(file);
    });
  }
});
