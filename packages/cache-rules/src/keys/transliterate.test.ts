import { describe, expect, it } from 'vitest';
import { transliterate } from './transliterate.ts';

// The table letter by letter, as the module once wrote it: its compact alphabets must spell the same.
const EXPECTED: Record<string, string> = {
  ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h', ŧ: 't', ŋ: 'ng',
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', і: 'i', ї: 'i', є: 'ie', ґ: 'g',
  ў: 'u', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', ђ: 'dj', џ: 'dz', ѕ: 'dz',
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

describe('transliterate', () => {
  it('spells every Latin, Cyrillic and Greek letter of the table', () => {
    const spelt = Object.fromEntries(Object.keys(EXPECTED).map((letter) => [letter, transliterate(letter)]));
    expect(spelt).toEqual(EXPECTED);
  });

  it('has no spelling for anything else: the letters either side of each alphabet, other scripts, ASCII (one character at a time, as foldText asks)', () => {
    for (const char of ['\u042f', '\u0450', '\u0453', '\u045c', '\u03b0', '\u03ca', 'Я', 'Ω', '言', 'a', '-']) expect(transliterate(char)).toBeUndefined();
  });
});
