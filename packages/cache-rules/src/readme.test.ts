import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every ```ts block in the README runs, importing this package from source, so the README cannot
// drift from the code: a block that throws (its own checks included) fails the test.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);
const out = new URL('../.snippets/', import.meta.url);

describe('README code samples', () => {
  it('has samples', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  blocks.forEach((code, index) => {
    it(`sample ${index + 1} runs`, async () => {
      mkdirSync(out, { recursive: true });
      const file = new URL(`readme-${index}.ts`, out);
      writeFileSync(file, code.replaceAll("from '@alphanode/cache-rules'", `from '${new URL('../src/index.ts', import.meta.url).pathname}'`));
      await import(file.href);
    });
  });
});
