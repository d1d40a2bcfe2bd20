// Letters NFKD does not take apart into a base letter and a mark, and the two scripts most often
// written in Latin letters by their own readers. Other scripts (CJK, Arabic, Hebrew, Thai, …) have
// no transliteration that is both short and agreed on; foldWords gives those a hash instead.
const LATIN: Record<string, string> = {
  ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h', ŧ: 't', ŋ: 'ng',
};

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', і: 'i', ї: 'i', є: 'ie', ґ: 'g',
  ў: 'u', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', ђ: 'dj', џ: 'dz', ѕ: 'dz',
};

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

const TABLE: Record<string, string> = { ...LATIN, ...CYRILLIC, ...GREEK };

/**
 * The Latin spelling of one lowercase character, or undefined when it has none here. Input is
 * already NFKD-folded and lowercased, so "й" arrives as "и" and "ά" as "α".
 */
export function transliterate(char: string): string | undefined {
  return TABLE[char];
}
