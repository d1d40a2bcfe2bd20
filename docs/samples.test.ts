import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every ```ts block in docs/*.md and in the READMEs is type-checked under the repository's strict
// settings and run, so that no sample drifts from the code. Blocks go to docs/.snippets (ignored
// by git), where `@alphanode/*` resolves to the packages' source and a failure's stack trace points
// at a real file.
// - docs/*.md blocks are imported here: they reach repository files through `import.meta.url`.
// - README blocks are what a user pastes into a project, so each runs as its own Node process in a
//   folder laid out like one: `posts/a.txt`, `content/*.txt` (the sample posts) and `rules.yaml`.
const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'docs', '.snippets');

interface Block {
  source: string;
  index: number;
  code: string;
  file: string;
  kind: 'docs' | 'readme';
}

function blocksOf(source: string, kind: Block['kind']): Block[] {
  const text = readFileSync(path.join(root, source), 'utf8');
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match, index) => ({
    source,
    index,
    code: match[1] as string,
    file: path.join(out, `${source.replace(/\W/g, '-')}-${index}.ts`),
    kind,
  }));
}

// A block in another JavaScript-family language is not run, so each must be a fragment listed here,
// by its file and first line, with why it cannot run on its own; any other fails the test below.
const FRAGMENTS: Record<string, string> = {
  "examples/edge/README.md: import { Miniflare } from 'miniflare';":
    'loads dist/worker.js, which `pnpm --filter @alphanode/example-edge bundle` writes first; examples/edge/test/workerd.test.ts runs that bundle in workerd through miniflare the same way',
};
const JS_FAMILY = new Set(['js', 'javascript', 'mjs', 'cjs', 'jsx', 'ts', 'typescript', 'tsx', 'mts', 'cts']);

/** The JavaScript-family blocks of a file that are not ```ts samples, as `file: first line`. */
function unrunBlocks(source: string): string[] {
  const text = readFileSync(path.join(root, source), 'utf8');
  return [...text.matchAll(/^```(\w+)([^\n]*)\n([^\n]*)/gm)]
    .filter(([, language = '', rest]) => JS_FAMILY.has(language.toLowerCase()) && !(language === 'ts' && rest === ''))
    .map(([, , , first]) => `${source}: ${first}`);
}

const readmes = ['README.md', ...readdirSync(path.join(root, 'packages')).map((name) => `packages/${name}/README.md`), ...readdirSync(path.join(root, 'examples')).map((name) => `examples/${name}/README.md`)];
const pages = readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`);
const readmesFound = readmes.filter((name) => { try { readFileSync(path.join(root, name)); return true; } catch { return false; } });
const blocks = [...pages.flatMap((name) => blocksOf(name, 'docs')), ...readmesFound.flatMap((name) => blocksOf(name, 'readme'))];

function strictOptions(): ts.CompilerOptions {
  const read = ts.readConfigFile(path.join(root, 'tsconfig.base.json'), (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  return { ...parsed.options, types: ['node'], noEmit: true };
}

/** A folder laid out like a user's project, for README samples that read `posts/`, `content/` or `rules.yaml`. */
function userProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'alphanode-readme-'));
  const content = path.join(root, 'examples', 'content');
  cpSync(content, path.join(dir, 'content'), { recursive: true });
  const first = readdirSync(content).filter((name) => name.endsWith('.txt')).sort()[0] as string;
  mkdirSync(path.join(dir, 'posts'));
  cpSync(path.join(content, first), path.join(dir, 'posts', 'a.txt'));
  cpSync(path.join(root, 'examples', 'rules.yaml'), path.join(dir, 'rules.yaml'));
  return dir;
}

let project = '';
beforeAll(() => {
  mkdirSync(out, { recursive: true });
  for (const block of blocks) writeFileSync(block.file, block.code);
  project = userProject();
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('code samples in docs/ and the READMEs', () => {
  it('finds samples in the docs and in every package README', () => {
    expect(blocks.filter((block) => block.kind === 'docs').length).toBeGreaterThan(10);
    for (const name of ['parser', 'cache-rules', 'renderer', 'site', 'cli']) expect(blocks.some((block) => block.source === `packages/${name}/README.md`)).toBe(true);
  });

  it('leaves no JavaScript or TypeScript block unrun but the fragments listed, each with its reason', () => {
    expect([...pages, ...readmesFound].flatMap(unrunBlocks)).toEqual(Object.keys(FRAGMENTS));
  });

  it('type-check under strict settings, with no error', () => {
    const program = ts.createProgram(blocks.map((block) => block.file), strictOptions());
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${path.relative(out, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(errors).toEqual([]);
  }, 120_000);

  for (const block of blocks) {
    it(`${block.source} sample ${block.index + 1} runs`, async () => {
      if (block.kind === 'docs') {
        await import(block.file);
        return;
      }
      const run = promisify(execFile)(process.execPath, ['--conditions=@alphanode/source', '--no-warnings', block.file], { cwd: project, timeout: 60_000 });
      await expect(run).resolves.toBeDefined();
    }, 60_000);
  }
});
