import { stableHash } from './stable-hash.ts';
import { transliterate } from './transliterate.ts';

const MARKS = /\p{M}+/gu;
const ASCII_WORD = /[a-z0-9]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Text folded to ASCII words, and the hash that stands for what could not be spelt. */
export interface FoldedText {
  /** Lowercase `[a-z0-9]` words joined by `-`; `''` when there are none. */
  words: string;
  /** 8 hex digits of the whole text, when it has letters or digits no word could spell. */
  hash: string | undefined;
}

/**
 * Text as lowercase ASCII words joined by `-`: accents folded (`Résumé` → `resume`), Cyrillic and
 * Greek transliterated, and every other character a word break, `.` and `_` included. Letters of
 * a script with no short agreed Latin spelling (CJK, Arabic, Hebrew, Thai, …) cannot be words, so
 * the whole text's 8-digit hash stands for them (`Go 言語` → words `go` and a hash). Text with no
 * letters or digits at all (`:::`, `🚀`) gives no words and no hash: it names nothing.
 *
 * Slugs (`@alphanode/site`) and purge key parts are both made of this, so a topic's URL slug and
 * the `{post.meta.topic}` key of its posts agree.
 *
 * @example
 * foldText('Кэширование в Go'); // { words: 'keshirovanie-v-go', hash: undefined }
 */
export function foldText(text: string): FoldedText {
  const folded = text.normalize('NFKD').replace(MARKS, '').toLowerCase();
  let words = '';
  let dash = false;
  let foreign = false;
  for (const char of folded) {
    const latin = ASCII_WORD.test(char) ? char : transliterate(char);
    if (latin !== undefined && latin !== '') {
      if (dash && words !== '') words += '-';
      words += latin;
      dash = false;
    } else if (latin === undefined) {
      // A hard or soft sign transliterates to nothing and joins its word; anything else splits.
      dash = true;
      if (LETTER_OR_DIGIT.test(char)) foreign = true;
    }
  }
  return { words, hash: foreign ? stableHash(text.trim().normalize('NFC')) : undefined };
}

/** The folded text as one string: its words, then its hash if any. */
export function joinFolded({ words, hash }: FoldedText): string {
  if (hash === undefined) return words;
  return words === '' ? hash : `${words}-${hash}`;
}
