// Letters NFKD does not take apart into a base letter and a mark, and the two scripts most often
// written in Latin letters by their own readers. Other scripts (CJK, Arabic, Hebrew, Thai, …) have
// no transliteration that is both short and agreed on; foldWords gives those a hash instead.
const LATIN: Record<string, string> = {
  ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h', ŧ: 't', ŋ: 'ng',
};

/**
 * Spellings, separated by spaces, of the letters from `first` on in code point order (an empty
 * spelling, as for the hard and soft signs, is two spaces in a row). An alphabet written so, rather
 * than as an object literal keyed by each letter, saves an edge bundle about 150 bytes gzipped:
 * bundlers escape every such key as \uXXXX.
 */
function alphabet(first: number, spellings: string): Record<string, string> {
  return Object.fromEntries(spellings.split(' ').map((latin, index) => [String.fromCodePoint(first + index), latin]));
}

const CYRILLIC: Record<string, string> = {
  // а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я
  .../* @__PURE__ */ alphabet(0x430, 'a b v g d e zh z i i k l m n o p r s t u f kh ts ch sh shch  y  e iu ia'),
  ё: 'e', і: 'i', ї: 'i', є: 'ie', ґ: 'g', ў: 'u', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', ђ: 'dj', џ: 'dz', ѕ: 'dz',
};

// α β γ δ ε ζ η θ ι κ λ μ ν ξ ο π ρ ς σ τ υ φ χ ψ ω
const GREEK = /* @__PURE__ */ alphabet(0x3b1, 'a v g d e z i th i k l m n x o p r s s t y f ch ps o');

const TABLE: Record<string, string> = { ...LATIN, ...CYRILLIC, ...GREEK };

/**
 * The Latin spelling of one lowercase character, or undefined when it has none here. Input is
 * already NFKD-folded and lowercased, so "й" arrives as "и" and "ά" as "α".
 */
export function transliterate(char: string): string | undefined {
  return TABLE[char];
}
