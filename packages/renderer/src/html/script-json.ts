const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;
const toUnicodeEscape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON for the inside of a `<script type="application/ld+json">`: `JSON.stringify`, then `< > &`
 * and U+2028/U+2029 as `\u` escapes, so no string in it can close the element (`</script>`),
 * open a comment (`<!--`), or end a line for an older JavaScript parser. The JSON value is unchanged.
 *
 * @example
 * jsonForScript({ headline: '</script>' }); // '{"headline":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, toUnicodeEscape);
}

const UNSAFE_TEST = /[<>&\u2028\u2029]/;
// What JSON.stringify would escape (quotes, backslashes, controls, lone surrogates) or we would;
// surrogate pairs match too and take the slow path. Not a `u` regex: those run several times slower.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be found
const NEEDS_WORK = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/;

/** One string as a JSON string literal for inside a `<script>`, escaped as `jsonForScript` does. */
export function jsonStringForScript(value: string): string {
  // Most strings need nothing done, and quoting them beats a call into JSON.stringify.
  if (!NEEDS_WORK.test(value)) return `"${value}"`;
  const json = JSON.stringify(value);
  return UNSAFE_TEST.test(json) ? json.replace(UNSAFE_IN_SCRIPT, toUnicodeEscape) : json;
}
