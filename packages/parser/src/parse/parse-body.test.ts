import { describe, expect, it } from 'vitest';
import { seedText } from '../../test/paths.ts';
import { PostSchema } from '../schema/post-schema.ts';
import { stringifyPost } from '../stringify/stringify-post.ts';
import { parsePost } from './parse-post.ts';

const seed = seedText(1);

/** Seed 1 with `body` for its body and `language` for its `code language`. */
function postWith(body: string, language: string): string {
  const start = seed.indexOf('\n\n', seed.indexOf('\n\n') + 2) + 2;
  const end = seed.indexOf('\nalphanode post meta\n');
  return `${seed.slice(0, start)}${body}\n${seed.slice(end)}`.replace('code languagepython', `code language${language}`);
}

function parsed(body: string, language: string) {
  const text = postWith(body, language);
  const result = parsePost(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return { text, result, kinds: result.post.body.map((block) => block.type) };
}

const GO = 'package main\n\nfunc main() {\n\tprintln("hi")\n}';

describe('parseBody', () => {
  it('ends a code block at a heading that opens with a keyword, and reports the line as ambiguous', () => {
    const { result, kinds, text } = parsed(`${GO}\n\ngo modules in practice\n\nthe module cache lives in one place.`, 'go');
    expect(kinds).toEqual(['code', 'heading', 'paragraph']);
    expect(result.ok && result.post.body[0]).toEqual({ type: 'code', lang: 'go', code: GO });
    const ambiguous = result.diagnostics.filter((d) => d.code === 'ambiguous-line');
    expect(ambiguous).toEqual([
      {
        severity: 'info',
        code: 'ambiguous-line',
        message: expect.stringMatching(/^"go modules in practice" is read as a heading by rule prose-words \(.*\), but language-keyword says code \(weakly: opens with the keyword "go"\)/),
        line: text.split('\n').indexOf('go modules in practice') + 1,
        column: 1,
        offset: expect.any(Number),
        path: ['body', 1],
        retryable: false,
      },
    ]);
  });

  it('lets no weak line extend open code: two weak signals after Go code make a heading, not code', () => {
    const { result, kinds } = parsed('set -euo pipefail\n\nfor f in *; do\n  echo "$f"\ndone\n\necho hello', 'bash');
    expect(kinds).toEqual(['code', 'heading']);
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('by rule neighbours (follows code, which weak code signals do not extend)')]);
  });

  it('keeps code open across blank lines for runs and for lone lines with strong code evidence', () => {
    const code = `${GO}\n\ngo run ./cmd/server\n\nimport "fmt"\n\n}`;
    const { result, kinds } = parsed(`${code}\n\nfinal notes`, 'go');
    expect(kinds).toEqual(['code', 'heading']);
    expect(result.ok && result.post.body[0]).toEqual({ type: 'code', lang: 'go', code });
    expect(result.diagnostics).toEqual([]);
  });

  it('reads short commands as code and one-word lines as headings', () => {
    const { kinds } = parsed('deploy\n\nnpm test\n\nsummary\n\nmake\n\nls -la', 'bash');
    expect(kinds).toEqual(['heading', 'code', 'heading', 'code']);
  });

  it('keeps four-space bullets inside code, and PostSchema accepts the result', () => {
    const code = 'steps = [\n    • first,\n    • second,\n]';
    const { result, text } = parsed(`${code}\n\nfinal notes`, 'python');
    expect(result.ok && result.post.body[0]).toEqual({ type: 'code', lang: 'python', code });
    expect(result.ok && PostSchema.safeParse(result.post).error?.issues).toBeUndefined();
    expect(result.ok && stringifyPost(result.post)).toBe(text);
  });
});

describe('the meta marker in the body', () => {
  const withLine = seed.replace('  • keep a rollback command ready\nimproving', '  • keep a rollback command ready\nalphanode post meta\nimproving');

  it('cannot stand right under a list when a meta block follows: an error, not a heading format would break', () => {
    const result = parsePost(withLine);
    expect(result.ok).toBe(false);
    const lines = withLine.split('\n');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'unexpected-content', line: lines.indexOf('alphanode post meta') + 1, column: 1 }),
    ]);
    expect(result.diagnostics[0]?.message).toBe(
      `a line "alphanode post meta" cannot stand in the body, since that line ends the body wherever it is; the meta block starts on line ${lines.lastIndexOf('alphanode post meta') + 1}. Remove this line`,
    );
  });

  it('is the meta marker, with a warning, when it lacks only the blank line before it', () => {
    const text = seed.replace(/\n\nfinal notes\n\n[^\n]*\n\nalphanode post meta\n/, '\n\nfinal notes\n\n  • done\nalphanode post meta\n');
    expect(text).toContain('  • done\nalphanode post meta\n');
    const result = parsePost(text);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['expected-blank-line', 'warning']]);
    if (!result.ok) throw new Error('did not parse');
    expect(result.post.body.at(-1)?.type).toBe('list');
    expect(parsePost(stringifyPost(result.post))).toMatchObject({ ok: true, post: result.post, diagnostics: [] });
  });
});
