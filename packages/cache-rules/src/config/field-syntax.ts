import { shown } from '../diagnostic.ts';

/**
 * What a header name and a header value may hold, checked when a rules file is compiled: the
 * names a rule reads end up in the `Vary` (and `Netlify-Vary`) headers it writes, so a name with
 * CR or LF in it would write a header of the file's choosing, and a value no runtime can send
 * makes Node's `setHeader` throw while the response is being written.
 *
 * Values are held to visible US-ASCII, space and tab. RFC 9110 §5.5 still lets a recipient accept
 * obs-text (bytes 0x80–0xFF, Latin-1 by history), but calls it obsolete and opaque. A rules file
 * is Unicode text, and which bytes a "é" becomes differs by runtime (Node reads header bytes as
 * Latin-1, so a browser's UTF-8 "é" arrives as "Ã©"); a rule comparing against it would silently
 * never match. So obs-text is refused too, along with CR, LF, NUL, every other control character
 * and anything above U+00FF.
 */

// RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const NOT_TCHAR = /[^!#$%&'*+\-.^_`|~0-9A-Za-z]/;
// RFC 9110 §5.5 field-value without obs-text: visible ASCII, with spaces and tabs only between.
const NOT_FIELD_CHAR = /[^\t\x20-\x7e]/;

const NAMED: Record<number, string> = { 0: 'NUL', 9: 'a tab', 10: 'a line feed (LF)', 13: 'a carriage return (CR)', 32: 'a space', 127: 'DEL' };

/** One character, said so that a control character or a space is visible in a message. */
export function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMED[code];
  if (name !== undefined) return `${name}, ${hex}`;
  if (code < 32) return `a control character, ${hex}`;
  return code > 0x7e ? `${JSON.stringify(char)}, ${hex}, outside ASCII` : JSON.stringify(char);
}

function firstBad(text: string, bad: RegExp): string {
  const found = bad.exec(text);
  if (!found) return '';
  const char = String.fromCodePoint(text.codePointAt(found.index) ?? 0);
  // Count characters, not UTF-16 units, so an emoji before the bad character does not shift the position.
  return `${describeChar(char)} at character ${[...text.slice(0, found.index)].length + 1}`;
}

/**
 * Why `name` is not an HTTP field name (an RFC 9110 token), or undefined when it is.
 *
 * @example
 * tokenProblem('X-Variant');     // undefined
 * tokenProblem(' Cookie');       // 'found a space, U+0020 at character 1'
 */
export function tokenProblem(name: string): string | undefined {
  if (TOKEN.test(name)) return undefined;
  if (name === '') return 'found an empty name';
  return `found ${firstBad(name, NOT_TCHAR)}`;
}

/** The rule every header-name message states, so each says what was expected. */
export const TOKEN_RULE = "a header name is letters, digits and ! # $ % & ' * + - . ^ _ ` | ~ only (an RFC 9110 token: no spaces, colons or control characters)";

/**
 * Why `value` cannot be a header value, or undefined when it can: visible ASCII, with spaces and
 * tabs only between visible characters (a parser drops them at either end, so a value that
 * starts or ends with one could never be matched).
 *
 * @example
 * fieldValueProblem('b');          // undefined
 * fieldValueProblem('a\r\nX: 1');  // 'found a carriage return (CR), U+000D at character 2'
 */
export function fieldValueProblem(value: string): string | undefined {
  if (NOT_FIELD_CHAR.test(value)) return `found ${firstBad(value, NOT_FIELD_CHAR)}`;
  if (/^[\t ]|[\t ]$/.test(value)) return 'found a space or tab at the start or end, which HTTP strips from every value';
  return undefined;
}

/** The rule every header-value message states. */
export const FIELD_VALUE_RULE = 'a header value is visible ASCII, with spaces and tabs only between characters (RFC 9110 §5.5; CR, LF, NUL, other control characters and anything outside ASCII are refused)';

/** Whether a `Vary` entry (or any header name a rule reads) names Cookie, in any spelling. */
export function namesCookie(name: string): boolean {
  return name.trim().toLowerCase() === 'cookie';
}

/**
 * Why `pattern` cannot be a host pattern, or undefined when it can: an ASCII host name (letters,
 * digits, "-", ".", "_"), or a bracketed IPv6 literal, optionally starting or ending with `*`.
 * Ports are ignored when hosts are compared, so a pattern may not carry one.
 */
export function hostPatternProblem(pattern: string): string | undefined {
  const core = pattern.replace(/^\*/, '').replace(/\*$/, '');
  if (/^\[[0-9A-Fa-f:.]+\]$/.test(core)) return undefined;
  const bad = /[^A-Za-z0-9._-]/.exec(core);
  if (!bad) return undefined;
  if (bad[0] === ':' && /:\d*$/.test(core)) return `${shown(pattern)} names a port: hosts are compared without their port (Host: example.com:8443 matches example.com), so leave it out`;
  if (bad[0].charCodeAt(0) > 0x7f) return `${shown(pattern)} holds ${firstBad(core, /[^\t\x20-\x7e]/)}: write an internationalised name in its ASCII form (xn--…), which is what the Host header carries`;
  return `${shown(pattern)} is not a host name: found ${firstBad(core, /[^A-Za-z0-9._-]/)}; a host is letters, digits, "-", "." and "_", with "*" only at its start or end`;
}

/**
 * Why `name` cannot name a cookie, or undefined: a cookie name is a token (RFC 6265 §4.1.1), and a
 * pattern may start or end with `*`. "|" is refused too: Netlify-Vary lists cookie names split on it.
 */
export function cookiePatternProblem(name: string): string | undefined {
  const core = name.replace(/^\*/, '').replace(/\*$/, '');
  if (core.includes('|')) return `${shown(name)} holds "|", which separates cookie names in Netlify-Vary (cookie=a|b), so it could not be keyed on`;
  const problem = core === '' ? undefined : tokenProblem(core);
  return problem === undefined ? undefined : `${shown(name)} is not a cookie name: ${problem}; a cookie name is an RFC 9110 token, with "*" only at its start or end`;
}
