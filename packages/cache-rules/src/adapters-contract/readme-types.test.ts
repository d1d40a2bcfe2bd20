import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The adapter samples in the README must compile under the repository's strict settings, as a user
// would paste them: `post: (req, res) => res.locals.post` against Express's own types included.
// (readme.test.ts runs them; this checks their types.)
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Adapters'), readme.indexOf('## Command line'));
const blocks = [...section.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);
const out = new URL('../../.snippets/', import.meta.url);

function strictOptions(): ts.CompilerOptions {
  const base = fileURLToPath(new URL('../../../../tsconfig.base.json', import.meta.url));
  const read = ts.readConfigFile(base, (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, fileURLToPath(new URL('../../', import.meta.url)));
  return { ...parsed.options, types: ['node'], noEmit: true };
}

describe('README adapter samples', () => {
  it('has one each for Fetch, Hono and Express', () => {
    expect(blocks.map((code) => /@alphanode\/cache-rules\/(fetch|hono|express)'/.exec(code)?.[1])).toEqual(['fetch', 'hono', 'express']);
  });

  it('compile under strict tsc, with no error', () => {
    mkdirSync(out, { recursive: true });
    const files = blocks.map((code, index) => {
      const file = fileURLToPath(new URL(`adapter-sample-${index}.ts`, out));
      writeFileSync(file, code);
      return file;
    });
    const program = ts.createProgram(files, strictOptions());
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([]);
    expect(program.getSourceFiles().some((file) => file.fileName.includes('/src/express/cache-rules-middleware.ts'))).toBe(true);
  });
});
