// Names whose symbols a kebab-case class would lose; these are the spellings highlighters use.
// A Map, not an object literal: the language comes from the post, and `__proto__` is a language too.
const SPELLED = new Map([
  ['c++', 'cpp'],
  ['c#', 'csharp'],
  ['f#', 'fsharp'],
  ['objective-c++', 'objective-cpp'],
]);
const cache = new Map<string, string>();

/**
 * The `class` of a code block: `language-` + the language as lowercase ASCII kebab case (the
 * HTML spec's convention, which highlighters read), or `''` when nothing is left. The language
 * comes from the post, so it is reduced to a token that cannot hold a quote or a second class.
 */
export function codeClass(language: string | undefined): string {
  if (language === undefined || language === '') return '';
  const known = cache.get(language);
  if (known !== undefined) return known;
  const lower = language.trim().toLowerCase();
  const token = (SPELLED.get(lower) ?? lower).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  const value = token === '' ? '' : `language-${token}`;
  // Bounded, since languages come from imported posts.
  if (cache.size < 256) cache.set(language, value);
  return value;
}
