import type { LanguageSyntax } from './language-syntax.ts';
import { CODE_CHARACTER, countTokens, lineShape, type LineShape } from './line-shape.ts';
import { isCommandStart, readCommand } from './shell-commands.ts';

export type LoneLineKind = 'heading' | 'paragraph' | 'code';

/** The rules, named as diagnostics and docs/post-format.md name them. */
export type RuleName =
  | 'indentation'
  | 'comment'
  | 'sentence-end'
  | 'code-characters'
  | 'language-keyword'
  | 'shell-command'
  | 'length'
  | 'prose-words'
  | 'neighbours'
  | 'short-line';

/** One rule's reading of a line: what it says the line is, how sure it is, and why. */
export interface Verdict {
  rule: RuleName;
  kind: LoneLineKind;
  strong: boolean;
  evidence: string;
}

/** Above this many tokens a line is prose, not a heading. */
export const HEADING_MAX_WORDS = 12;

/** The facts about one line that several rules read, each found at most once. */
export class LineFacts {
  readonly line: string;
  readonly syntax: LanguageSyntax;
  readonly tokens: number;
  readonly hasCodeCharacter: boolean;
  readonly ending: Ending;
  /** The text before the first space. */
  readonly firstWord: string;
  #shape: LineShape | undefined;

  constructor(line: string, syntax: LanguageSyntax, ending: Ending) {
    this.line = line;
    this.syntax = syntax;
    this.ending = ending;
    this.tokens = countTokens(line, HEADING_MAX_WORDS);
    this.hasCodeCharacter = CODE_CHARACTER.test(line);
    const space = line.indexOf(' ');
    this.firstWord = space < 0 ? line : line.slice(0, space);
  }

  get shape(): LineShape {
    return (this.#shape ??= lineShape(this.line, this.syntax.keywords));
  }
}

/**
 * How a line ends: `stop` is `.`, `!`, `?` or `…` after a plain word (letters and digits), `code-stop`
 * the same after a token with other characters in it (`user.save!`, `node.js.`), `quoted-stop` a
 * stop inside closing quotes or brackets (`"stop."`, `print("done.")`).
 */
export type Ending = 'stop' | 'code-stop' | 'quoted-stop' | 'none';

// . ! ? …
const isTerminal = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 0x2026;
// ) ] " ' ” ’ »
const isCloser = (c: number): boolean => c === 41 || c === 93 || c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb;

// Letters and digits, and anything past Latin-1 but general punctuation (quotes, dashes, separators).
function isWordCharacter(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return code >= 0xc0 && (code < 0x2000 || code > 0x206f);
}

/** Whether the token that ends at `end` holds only letters, digits, `'` and `-`. */
function plainTokenBefore(line: string, end: number): boolean {
  let at = end - 1;
  let code = line.charCodeAt(at);
  while (at >= 0 && (isWordCharacter(code) || code === 39 || code === 45 || code === 0x2019)) code = line.charCodeAt(--at);
  // The token starts at the line's start, after a space, or after an opening bracket or quote.
  return at < 0 || code === 32 || code === 40 || code === 34 || code === 0x201c;
}

export function endingOf(line: string): Ending {
  let end = line.length;
  if (isTerminal(line.charCodeAt(end - 1))) {
    while (end > 0 && isTerminal(line.charCodeAt(end - 1))) end--;
    let word = end;
    while (word > 0 && isCloser(line.charCodeAt(word - 1))) word--;
    if (word === 0 || !isWordCharacter(line.charCodeAt(word - 1))) return 'none';
    return plainTokenBefore(line, word) ? 'stop' : 'code-stop';
  }
  while (end > 0 && isCloser(line.charCodeAt(end - 1))) end--;
  if (end === line.length || end === 0 || !isTerminal(line.charCodeAt(end - 1))) return 'none';
  while (end > 0 && isTerminal(line.charCodeAt(end - 1))) end--;
  return end > 0 && isWordCharacter(line.charCodeAt(end - 1)) ? 'quoted-stop' : 'none';
}

/**
 * What a line that is prose is: a paragraph when it reads as a sentence or holds markup, else a
 * heading. A sentence that lacks its stop still shows: nine words or more, a clause after a comma
 * in six or more, a file or a dotted name in seven or more (headings name things in a few words);
 * a line that ends with `:` is a lead-in (`here is what we run:`, `the plan before the change:`)
 * when it speaks to the reader or runs on function words, and a heading when it only names
 * (`tsconfig options that matter:`, `go vet and staticcheck:`).
 */
export function proseKind(facts: LineFacts): 'heading' | 'paragraph' {
  if (facts.ending !== 'none' || facts.tokens > HEADING_MAX_WORDS) return 'paragraph';
  const shape = facts.shape;
  if (shape.codeTokens > 0 || shape.bracketed > 0 || shape.urls > 0) return 'paragraph';
  return sentenceSign(facts) === undefined ? 'heading' : 'paragraph';
}

/**
 * What makes a short line of words without a stop or markup read as a sentence rather than a
 * heading (see `proseKind`); undefined for none. A sign, not proof: a line read by one is reported.
 */
export function sentenceSign(facts: LineFacts): string | undefined {
  const { tokens, line } = facts;
  if (tokens >= LONG_HEADING) return `${tokens} words, long for a heading`;
  const { shape } = facts;
  if (tokens >= 6 && clauseAfterComma(line)) return 'a clause after a comma';
  if (tokens >= 7 && shape.dotted > 0) return 'a file or a dotted name among its words';
  if (line.endsWith(':') && shape.words >= 4 && (shape.functionWords >= 2 || speaksToReader(line))) return 'a lead-in to what follows';
  return undefined;
}

/** Words that make what follows a comma a clause (`, otherwise it wraps`), not one more item of a list (`Redis, Memcached and the edge`). */
const CLAUSE_WORDS = new Set(['is', 'are', 'was', 'were', 'it', 'we', 'you', 'they', 'not', 'so', 'but', 'otherwise', 'then', 'which', 'can', 'will', 'should', 'must', "don't", "it's", "that's", 'there']);
function clauseAfterComma(line: string): boolean {
  const comma = line.indexOf(', ');
  return comma > 0 && line.slice(comma + 2).toLowerCase().split(' ').some((word) => CLAUSE_WORDS.has(word));
}
/** Words a lead-in uses to point at what follows: `here is`, `we run`, `looks like`, `the following`. */
const LEAD_IN = new Set(['we', 'you', 'i', 'it', "it's", 'here', 'this', 'these', 'following', 'below', 'is', 'are', 'looks', 'like', 'run', 'use', 'add', 'try', 'do', 'does', 'did', 'was', 'our']);
const speaksToReader = (line: string): boolean => line.toLowerCase().split(' ').some((word) => LEAD_IN.has(word));

const verdict = (rule: RuleName, kind: LoneLineKind, strong: boolean, evidence: string): Verdict => ({ rule, kind, strong, evidence });

/** A line that opens with a comment marker is code: `#!`, `//`, `/*`, `<!--`, `--`, and `#` where the language has `#` comments. */
export function comment(facts: LineFacts): Verdict | undefined {
  const { line } = facts;
  const first = line[0];
  if (first !== '#' && first !== '/' && first !== '<' && first !== '-') return undefined;
  const opener = COMMENT_OPENERS.find((prefix) => line.startsWith(prefix));
  if (opener) return verdict('comment', 'code', true, `opens with "${opener}"`);
  if (line === '--' || line.startsWith('-- ')) return verdict('comment', 'code', true, 'opens with "--"');
  if (first !== '#' || (line.length > 1 && line[1] !== ' ')) return undefined;
  return verdict('comment', 'code', facts.syntax.hashComments, facts.syntax.hashComments ? 'a "#" comment' : 'opens with "#", which this language does not use for comments');
}

const COMMENT_OPENERS = ['#!', '//', '/*', '<!--'];

/** A line that ends with a full stop, `!`, `?` or `…` is a sentence. */
export function sentenceEnd(facts: LineFacts): Verdict | undefined {
  switch (facts.ending) {
    case 'stop':
      return verdict('sentence-end', 'paragraph', true, 'ends a sentence');
    case 'code-stop':
      return verdict('sentence-end', 'paragraph', false, 'ends with a stop after a token that is not a plain word');
    case 'quoted-stop':
      return verdict('sentence-end', 'paragraph', false, 'ends with a stop inside closing quotes or brackets');
    case 'none':
      return undefined;
  }
}

/** Code characters (`{}();=<>[]` and the like): strong where code tokens make up much of the line, weak in a line of words. */
export function codeCharacters(facts: LineFacts): Verdict | undefined {
  if (!facts.hasCodeCharacter) return undefined;
  const { line } = facts;
  const last = line[line.length - 1] as string;
  if (last === '{' || last === ';' || last === '(' || last === '[') return verdict('code-characters', 'code', true, `ends with "${last}"`);
  if (line[0] === '}' || line[0] === ')' || line[0] === ']') return verdict('code-characters', 'code', true, `starts with "${line[0]}"`);
  const { codeTokens, words, bracketed } = facts.shape;
  const counts = `${codeTokens} code token${codeTokens === 1 ? '' : 's'} and ${words} word${words === 1 ? '' : 's'}`;
  if (codeTokens > 0 && (words <= 2 || codeTokens * 2 >= words)) return verdict('code-characters', 'code', true, counts);
  if (codeTokens > 0) return verdict('code-characters', 'code', false, counts);
  if (bracketed > 0) return verdict('code-characters', 'code', false, 'brackets around words');
  return undefined;
}

// A statement opens with a keyword, or with something other than a lowercase letter (`@Override`,
// `<?php`, `SELECT`); the leading letters of `else:` are its keyword. Skipping the patterns for other
// lines keeps headings cheap to read.
function mayOpenStatement(facts: LineFacts): boolean {
  const { line, syntax } = facts;
  const first = line.charCodeAt(0);
  if (syntax.anyStart || first < 97 || first > 122) return true;
  let end = 1;
  while (end < line.length && ((line.charCodeAt(end) >= 97 && line.charCodeAt(end) <= 122) || line.charCodeAt(end) === 95)) end++;
  return syntax.keywords.has(end === line.length ? line : line.slice(0, end));
}

const MAX_STATEMENT = 400;

/** Statements of the post's language: strong for a whole statement's shape, weak for a line that only opens with a keyword. */
export function languageKeyword(facts: LineFacts): Verdict | undefined {
  const { line, syntax, firstWord } = facts;
  // A statement that stands alone is short; a long line is not tried against every shape, whatever
  // a shape's cost on it.
  if (line.length <= MAX_STATEMENT && mayOpenStatement(facts)) {
    for (const statement of syntax.statements) if (statement.test(line)) return verdict('language-keyword', 'code', true, 'has the shape of a statement of the language');
  }
  if (syntax.keywords.has(firstWord)) return verdict('language-keyword', 'code', false, `opens with the keyword "${firstWord}"`);
  for (const shape of syntax.weak) if (shape.test(line)) return verdict('language-keyword', 'code', false, 'has a shape the language allows');
  return undefined;
}

/** Command lines (`npm test`, `go test ./...`, `ls -la`), in any language. */
export function shellCommand(facts: LineFacts): Verdict | undefined {
  if (!isCommandStart(facts.firstWord)) return undefined;
  const reading = readCommand(facts.line);
  if (!reading) return undefined;
  // `export` or `echo` followed by words is one weak signal, which language-keyword already gave.
  if (!reading.strong && facts.syntax.keywords.has(facts.firstWord)) return undefined;
  return verdict('shell-command', 'code', reading.strong, reading.evidence);
}

/** A line of more than 12 tokens is prose, a paragraph; one of 9 to 12 words is long for a heading, weakly a paragraph (as `proseKind` reads it too). */
export function length(facts: LineFacts): Verdict | undefined {
  if (facts.tokens > HEADING_MAX_WORDS) return verdict('length', 'paragraph', true, `more than ${HEADING_MAX_WORDS} words`);
  if (facts.tokens < LONG_HEADING || facts.shape.words < LONG_HEADING) return undefined;
  return verdict('length', 'paragraph', false, `${facts.shape.words} words, long for a heading`);
}

/** From this many tokens a line is a sentence that lacks its stop, not a heading. */
const LONG_HEADING = 9;

/**
 * A line of words reads as prose: strongly with English function words in it (`the`, `in`, `we`),
 * weakly without. It reads lines of up to 12 tokens, and longer ones only where they hold code
 * characters: elsewhere `length` has settled what a long line is.
 */
export function proseWords(facts: LineFacts): Verdict | undefined {
  if (facts.tokens > HEADING_MAX_WORDS && !facts.hasCodeCharacter) return undefined;
  const { words, plainWords, functionWords, codeTokens } = facts.shape;
  if (words < 3) return undefined;
  if (functionWords > 0 && codeTokens * 2 < words) return verdict('prose-words', proseKind(facts), true, `${words} words, ${functionWords} of them function words`);
  return plainWords >= 3 && codeTokens === 0 ? verdict('prose-words', proseKind(facts), false, `${plainWords} plain words`) : undefined;
}

/** The rules a lone line is read by, in the order that breaks ties between equally strong verdicts. */
export const RULES: readonly ((facts: LineFacts) => Verdict | undefined)[] = [comment, sentenceEnd, codeCharacters, languageKeyword, shellCommand, length, proseWords];
