import fc from 'fast-check';

/**
 * Mutants of a post's text, as imports and hand edits make them: characters and format pieces
 * inserted, text removed, lines duplicated, dropped, swapped, joined and split. Pieces are biased
 * toward the lines the format decides by (blank lines, bullets, meta labels and markers, code,
 * headings that open with keywords, prose with markup), so that most mutants still parse.
 */
const PIECES = [
  '\n', '\n\n', '  • x\n', '    • ', '\u2022', 'reading time', 'code language', ': ', '\r\n', '\r', '\t', '  ',
  'alphanode post meta', '\nalphanode post meta\n', 'Similar Posts', '\n|\n', 'x. image source: y',
  '}', '{', ';', '(see the docs)', ' = ', 'max-age=60', '`npm test`', 'https://x.test/a?b=1', '<b>', '.', ':', '?',
  'package main', 'go modules in practice', 'return on investment', 'make it fast', 'npm test', 'go test ./...', 'ls -la',
  'make', 'set -euo pipefail', 'import os', 'def f():', 'end', '# a comment', '// note', '-- sql', 'SELECT 1;',
  '__proto__', 'constructor', '\u00a0', '\u2028', '\uFEFF', 'final notes', 'implementation checklist',
];

const piece = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });

/** One edit, as data so that fast-check prints a failing mutant's edits. */
export type Mutation =
  | { op: 'replace'; at: number; remove: number; insert: string }
  | { op: 'duplicate-line' | 'drop-line' | 'blank-line' | 'join-lines'; line: number }
  | { op: 'swap-lines'; line: number; other: number }
  | { op: 'split-line'; line: number; words: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), remove: fc.nat(30), insert: piece }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), remove: fc.nat(60), insert: fc.constant('') }),
  fc.record({ op: fc.constantFrom('duplicate-line' as const, 'drop-line' as const, 'blank-line' as const, 'join-lines' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap-lines' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('split-line' as const), line: fc.nat(), words: fc.integer({ min: 1, max: 3 }) }),
);

/** `text` with `mutation` applied; positions wrap around, so every mutation applies to every text. */
export function applyMutation(text: string, mutation: Mutation): string {
  if (mutation.op === 'replace') {
    const at = mutation.at % (text.length + 1);
    return text.slice(0, at) + mutation.insert + text.slice(at + mutation.remove);
  }
  const lines = text.split('\n');
  const i = mutation.line % lines.length;
  const line = lines[i] as string;
  switch (mutation.op) {
    case 'duplicate-line':
      lines.splice(i, 0, line);
      break;
    case 'drop-line':
      lines.splice(i, 1);
      break;
    case 'blank-line':
      lines.splice(i, 0, '');
      break;
    case 'join-lines':
      lines.splice(i, 2, `${line} ${lines[i + 1] ?? ''}`);
      break;
    case 'swap-lines': {
      const j = mutation.other % lines.length;
      [lines[i], lines[j]] = [lines[j] as string, line];
      break;
    }
    case 'split-line':
      lines.splice(i, 1, ...line.split(' ').slice(0, mutation.words), line.split(' ').slice(mutation.words).join(' '));
      break;
  }
  return lines.join('\n');
}

/** One to four mutations of one of `texts`, with the index of the text and the mutations, for reports. */
export function mutantOf(texts: readonly string[]): fc.Arbitrary<{ source: number; mutations: Mutation[]; text: string }> {
  return fc
    .tuple(fc.nat(texts.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([source, mutations]) => ({ source, mutations, text: mutations.reduce(applyMutation, texts[source] as string) }));
}
