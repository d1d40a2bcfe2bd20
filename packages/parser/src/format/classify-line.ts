import { isCodeLine } from './code-line.ts';

export type LoneLineKind = 'heading' | 'paragraph' | 'code';

/** Above this many words a line without closing punctuation is prose, not a heading. */
export const HEADING_MAX_WORDS = 12;

const CLOSERS = new Set([')', '"', "'", '\u201d', '\u2019', ']']);
const TERMINALS = new Set(['.', '!', '?', '\u2026']);

// `he said "stop."` closes a sentence; `print("done.")` does not, which the code check tells.
function endsLikeSentence(line: string, language: string): boolean {
  let end = line.length - 1;
  if (TERMINALS.has(line[end] as string)) return true;
  while (end >= 0 && CLOSERS.has(line[end] as string)) end--;
  return end >= 0 && end < line.length - 1 && TERMINALS.has(line[end] as string) && !isCodeLine(line, language);
}

function wordCount(line: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const space = line.charCodeAt(i) === 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/**
 * What a line that stands alone between blank lines in the body is: the format's rule, shared by
 * the parser (to read it) and the schema (to reject blocks the format could not tell apart).
 * Indented lines are code; lines that end a sentence are paragraphs; then code shapes; then long
 * lines are paragraphs and short ones headings.
 */
export function classifyLoneLine(line: string, language: string): LoneLineKind {
  const first = line.charCodeAt(0);
  if (first === 32 || first === 9) return 'code';
  if (endsLikeSentence(line, language)) return 'paragraph';
  if (isCodeLine(line, language)) return 'code';
  return wordCount(line) > HEADING_MAX_WORDS ? 'paragraph' : 'heading';
}
