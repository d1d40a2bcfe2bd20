/**
 * What a lone line is made of, token by token, for the rules that classify it. Tokens are the runs
 * between spaces. Quotes, brackets and end punctuation around a token are prose punctuation and are
 * stripped before the token is judged, so `(see`, `docs).` and `"stop."` are words, while `f(x)`,
 * `max-age=60` and `<b>` keep a code character inside and are code tokens. Inline code in
 * backticks is one code token, whatever spaces it holds.
 */
export interface LineShape {
  tokens: number;
  /** Tokens that start with a letter or digit and hold no code character: `cache`, `v2.0`, `don't`, `8080:8080`. */
  words: number;
  /** Words of letters only, lowercase or Capitalised (`cache`, `Redis`; not `FastAPI`, `SELECT`, `node.js`), keywords of the language aside. */
  plainWords: number;
  /** Words from English's closed classes (`the`, `of`, `we`, `is` …) that are not keywords of the post's language. */
  functionWords: number;
  /** Tokens with a code character left inside once the punctuation around them is stripped, and flags (`-e`, `--rm`). */
  codeTokens: number;
  /** Words wrapped in `( )` or `[ ]`: code characters used as prose punctuation, as in `(see the docs)`. */
  bracketed: number;
  /** Tokens that are URLs (`https://…`, `tcp://…`, `www.…`). */
  urls: number;
  /** Tokens that name a file or a dotted or snake_case name: `config/database.yml`, `.NET`, `node_modules`. */
  dotted: number;
}

/** Characters that code uses and prose rarely does. */
export const CODE_CHARACTER = /[{}();=<>[\]`$\\|]/;

const WORD = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}'\u2019.\-/&+%#@:_*]*$/u;
const PLAIN_WORD = /^\p{L}[\p{Ll}\p{M}'\u2019-]*$/u;
const URL_START = /^([a-z][a-z\d+.-]*:\/\/|www\.)/i;
// A dot or slash inside a token or opening it (`a.b`, `a/b`, `.env`), or an underscore: not `v2.0`.
const DOTTED = /^[./]\w|\w[./][A-Za-z_]|_/;

/** English function words: a line made of words and some of these reads as prose. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the of to in on at by for with from into onto over under about after before between through during without within ' +
    'and or but nor so yet if than then when while where why how what which who whom whose that this these those there here ' +
    "it its it's is are was were be been being am do does did has have had can could will would should must may might shall " +
    'not no we you they he she i me us them our your their my his her each every all any some more most much many very just ' +
    "only also too as because until once both either neither such let's don't isn't doesn't won't can't we're you're"
  ).split(' '),
);

/** Counts space-separated tokens, stopping once there are more than `max`. */
export function countTokens(line: string, max = Number.POSITIVE_INFINITY): number {
  let tokens = 0;
  let inToken = false;
  for (let i = 0; i < line.length && tokens <= max; i++) {
    const space = line.charCodeAt(i) === 32;
    if (!space && !inToken) tokens++;
    inToken = !space;
  }
  return tokens;
}

// What a token is, as numbers rather than an enum: Node's type stripping runs these sources as they are.
const OTHER = 0;
const CODE = 1;
const WORD_TOKEN = 2;
const PLAIN = 3;
type Token = typeof OTHER | typeof CODE | typeof WORD_TOKEN | typeof PLAIN;

// For ASCII: 1 code character, 2 letter, 3 digit, 4 other character a word may hold.
const ASCII = new Uint8Array(128);
for (const c of '{}();=<>[]`$\\|') ASCII[c.charCodeAt(0)] = 1;
for (let c = 65; c <= 90; c++) ASCII[c] = ASCII[c + 32] = 2;
for (let c = 48; c <= 57; c++) ASCII[c] = 3;
for (const c of "'.-/&+%#@:_*") ASCII[c.charCodeAt(0)] = 4;

/** What one stripped token is; ASCII tokens (nearly all of them) are judged without a regular expression. */
function judge(core: string): Token {
  const first = core.charCodeAt(0);
  if (first >= 128) return judgeUnicode(core);
  // A command-line flag (`-e`, `--rm`) is code in a line of prose, as inline code would be.
  if (first === 45) return ASCII[core.charCodeAt(1)] === 2 || (core.charCodeAt(1) === 45 && ASCII[core.charCodeAt(2)] === 2) ? CODE : OTHER;
  let plain = ASCII[first] === 2;
  if (ASCII[first] !== 2 && ASCII[first] !== 3) return CODE_CHARACTER.test(core) ? CODE : OTHER;
  for (let i = 1; i < core.length; i++) {
    const c = core.charCodeAt(i);
    if (c >= 128) return judgeUnicode(core);
    const kind = ASCII[c];
    if (kind === 1) return CODE;
    if (kind === 0) return CODE_CHARACTER.test(core) ? CODE : OTHER;
    // Letters only, lowercase after the first, with ' and - inside: `cache`, `Redis`, `don't`, `start-up`.
    if (plain && !((kind === 2 && c >= 97) || c === 39 || c === 45)) plain = false;
  }
  return plain ? PLAIN : WORD_TOKEN;
}

function judgeUnicode(core: string): Token {
  if (URL_START.test(core)) return OTHER;
  if (CODE_CHARACTER.test(core)) return CODE;
  if (!WORD.test(core)) return OTHER;
  return PLAIN_WORD.test(core) ? PLAIN : WORD_TOKEN;
}

// Quotes and brackets that open a token, and the punctuation that may close one, all prose punctuation.
const isOpener = (c: number): boolean => c === 40 || c === 91 || c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 0xab;
const isTrailer = (c: number): boolean =>
  c === 41 || c === 93 || c === 34 || c === 39 || c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x2026;

/**
 * Reads the tokens of `line`. `keywords` are the post's language's keywords, which do not count as
 * function words: `from` and `in` are prose in a Go post and syntax in a Python one.
 */
export function lineShape(line: string, keywords: ReadonlySet<string>): LineShape {
  const shape: LineShape = { tokens: 0, words: 0, plainWords: 0, functionWords: 0, codeTokens: 0, bracketed: 0, urls: 0, dotted: 0 };
  let at = 0;
  while (at < line.length) {
    if (line.charCodeAt(at) === 32) {
      at++;
      continue;
    }
    let end = line.indexOf(' ', at);
    if (end < 0) end = line.length;
    shape.tokens++;
    // Inline code in backticks is one code token, spaces and all: `opt-level = 3`.
    const tick = line.charCodeAt(at) === 96 ? line.indexOf('`', at + 1) : -1;
    if (tick > 0) {
      shape.codeTokens++;
      at = line.indexOf(' ', tick);
      if (at < 0) at = line.length;
      continue;
    }
    let from = at;
    let to = end;
    at = end;
    let bracketed = false;
    for (let c = line.charCodeAt(from); from < to && isOpener(c); c = line.charCodeAt(++from)) bracketed ||= c === 40 || c === 91;
    for (let c = line.charCodeAt(to - 1); to > from && isTrailer(c); c = line.charCodeAt(--to - 1)) bracketed ||= c === 41 || c === 93;
    if (from === to) continue;
    const core = line.slice(from, to);
    const first = core.charCodeAt(0);
    if (core.includes('://') || (first === 119 && URL_START.test(core))) {
      shape.urls++;
      continue;
    }
    const kind = judge(core);
    if (kind === CODE) shape.codeTokens++;
    else if (kind !== PLAIN && DOTTED.test(core)) shape.dotted++;
    if (kind < WORD_TOKEN) continue;
    shape.words++;
    if (bracketed) shape.bracketed++;
    if (kind !== PLAIN) continue;
    // A keyword of the language is syntax, not evidence of prose, even where English has the word too.
    const word = first < 97 ? core.toLowerCase() : core;
    if (keywords.has(word)) continue;
    shape.plainWords++;
    if (FUNCTION_WORDS.has(word)) shape.functionWords++;
  }
  return shape;
}
