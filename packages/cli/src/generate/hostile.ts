import { LINE_COMMENT } from './code-snippets.ts';
import type { Rng } from './rng.ts';

/**
 * Hostile text for renderer and sanitizer tests: markup, script URLs, entity tricks and unicode that
 * misleads readers. Every string is valid UTF-16 (no lone surrogates) and holds no line break the
 * format would split on, so a hostile post is still a valid post: the hostility is in what a
 * renderer does with it, not in whether it parses.
 */

/** Markup and script fragments; they hold `<`, `(` or `=`, so they fit anywhere but in a heading. */
const MARKUP: readonly string[] = [
  '<script>alert(1)</script>',
  '" onerror="alert(1)',
  "'><img src=x onerror=alert(1)>",
  '</script><script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  'Tom &amp; Jerry & co',
  '&#x6a;avascript:alert(1)',
  '${alert(1)}',
  "{{constructor.constructor('alert(1)')()}}",
  '<!-- unclosed comment',
  '</textarea></title></style><b>bold</b>',
];

/**
 * Fragments without the characters that make a lone line read as code, so a heading that holds one
 * still reads back as a heading.
 */
const QUIET: readonly string[] = [
  '&amp',
  '&lt &gt',
  '& friends',
  'AT&T',
  'javascript:alert',
  'JaVaScRiPt:void',
  '"double" and \'single\' quotes',
  '\u202Egnp.exe',
  'zero\u200Bwidth\u200Djoined',
  '\u0440\u0430ypal',
  'g\u043E\u043Egle',
  'line\u2028separator',
  'paragraph\u2029separator',
  '\u{1F468}\u200D\u{1F469}\u200D\u{1F467} family',
  'Z\u0351\u0337a\u0336l\u0335g\u0334o',
  '\uFF1Cscript\uFF1E',
  '\u00A0no-break\u00A0spaces',
];

const URLS: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  'java\tscript:alert(1)',
  '&#x6a;avascript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  '//evil.example/pixel.png',
  'https://images.example.com/a.png" onerror="alert(1)',
  'https://images.example.com/?a=1&amp;b=2&c=<x>',
  'https://evil.example\u202E/gnp.png',
];

/** A word with no spaces, hundreds to thousands of characters long, to test wrapping and truncation. */
export function longWord(rng: Rng): string {
  const unit = rng.pick(['a', 'long', 'supercalifragilistic', 'x\u200B', '\u00E9']);
  return unit.repeat(Math.ceil(rng.int(200, 2000) / unit.length));
}

function fragment(rng: Rng, quiet: boolean): string {
  if (rng.chance(0.08)) return longWord(rng);
  return quiet || rng.chance(0.35) ? rng.pick(QUIET) : rng.pick(MARKUP);
}

/** Puts `extra` after a random space of `text` (or at its end), never at its start. */
function insertAtSpace(rng: Rng, text: string, extra: string): string {
  const spaces: number[] = [];
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) spaces.push(at);
  if (spaces.length === 0) return `${text} ${extra}`;
  const at = rng.pick(spaces);
  return `${text.slice(0, at)} ${extra}${text.slice(at)}`;
}

/**
 * Mixes hostile text into one field. With `enabled` false every method returns its input, so the
 * generator reads the same either way and only hostile corpora carry the fragments.
 */
export interface Mixer {
  /** Any one-line field: titles, list items, meta text, captions. */
  line(text: string): string;
  /** A heading: quiet fragments only, added at the end of a short one. */
  heading(text: string): string;
  /** A paragraph: the fragment goes inside, so the closing `.` that makes it a paragraph stays. */
  paragraph(text: string): string;
  url(url: string): string;
  /** Code: one comment line with markup in it, after the first line so that it never stands alone. */
  code(code: string, language: string): string;
}

const wordCount = (text: string): number => text.split(' ').filter((word) => word !== '').length;

export function createMixer(rng: Rng, enabled: boolean, rate = 0.65): Mixer {
  const apply = (): boolean => enabled && rng.chance(rate);
  return {
    line: (text) => (apply() ? insertAtSpace(rng, text, fragment(rng, false)) : text),
    heading: (text) => {
      if (!apply()) return text;
      const extra = fragment(rng, true);
      // From six words, a heading with a clause or a file name in it reads as a sentence without its
      // stop (docs/post-format.md), so only a shorter heading takes a fragment.
      return wordCount(text) + wordCount(extra) < 6 ? `${text} ${extra}` : text;
    },
    paragraph: (text) => (apply() ? insertAtSpace(rng, text.slice(0, -1), fragment(rng, false)) + text.slice(-1) : text),
    url: (url) => (apply() ? rng.pick(URLS) : url),
    code: (code, language) => {
      if (!apply()) return code;
      const lines = code.split('\n');
      lines.splice(1, 0, `${LINE_COMMENT[language] ?? '#'} ${rng.pick(MARKUP)}`);
      return lines.join('\n');
    },
  };
}

/** Every quiet fragment, for a test that keeps them free of code characters. */
export const QUIET_FRAGMENTS = QUIET;

/** Values for the fields a lint checks the shape of; a hostile post carries one now and then. */
export const HOSTILE_SUFFIXES: readonly string[] = ['<script>alert(1)</script>', '" onerror="alert(1)', '\u202E', '&amp;'];
export const HOSTILE_LANGUAGE_SUFFIXES: readonly string[] = ['"><script>alert(1)</script>', '" onmouseover="alert(1)', ' onerror=alert(1)//'];
