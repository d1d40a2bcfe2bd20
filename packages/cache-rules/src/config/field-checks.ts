import type { z } from 'zod';
import { shown, type RulesDiagnosticCode } from '../diagnostic.ts';
import { cookiePatternProblem, FIELD_VALUE_RULE, fieldValueProblem, hostPatternProblem, namesCookie, TOKEN_RULE, tokenProblem } from './field-syntax.ts';

/*
 * The checks the rules schema runs on the strings of a file that reach HTTP: header names and
 * values, methods, media types, hosts and cookie names. Each returns the problem with the code it
 * is reported under; the schema reports it at the string's place (`report`).
 */

/** A problem with one string of the file, and the diagnostic code it is reported under. */
export type Problem = { code: RulesDiagnosticCode; message: string } | undefined;
type Issues = z.core.$ZodRawIssue[];

/** Adds `problem`, when there is one, to a zod check's issues, at `path` below the value checked. */
export function report(issues: Issues, problem: Problem, input: unknown, path: (string | number)[] = []): void {
  if (problem) issues.push({ code: 'custom', message: problem.message, input, path, params: { ruleCode: problem.code } });
}

// Every header name a rule reads is written into its Vary header, so a name is a token, and
// never Cookie: Vary: Cookie stores a copy per visitor, and the cookie bypass does that job.
const COOKIE_IN_VARY = 'Vary: Cookie is never written: it stores one copy per visitor (analytics cookies included), and Vercel refuses to cache it; bypass on the session cookie instead (bypass: { logged-in: { cookie: [session] } })';
const COOKIE_READ = 'a rule cannot read the Cookie header as a header: every header a rule reads goes into Vary, and Vary: Cookie is never written; name the cookies that matter in a bypass condition\'s cookie: list';

function headerName(name: string, cookie: string): Problem {
  const spaced = name !== name.trim() ? ', with spaces around it that no header name has' : '';
  if (namesCookie(name)) return { code: 'risky-vary', message: `${shown(name, 40)} names Cookie${spaced}: ${cookie}` };
  const problem = tokenProblem(name);
  return problem === undefined ? undefined : { code: 'invalid-value', message: `${shown(name, 40)} is not a header name: ${problem}; ${TOKEN_RULE}` };
}

/** A header value the file compares against (a `match.header` value, an example's header or cookie). */
export function headerValue(value: string): Problem {
  const problem = fieldValueProblem(value);
  return problem === undefined ? undefined : { code: 'invalid-value', message: `${shown(value, 40)} cannot be a header value: ${problem}; ${FIELD_VALUE_RULE}` };
}

/** A header name a rule reads (`match.header`, a bypass `header`): it goes into Vary. */
export const readHeaderName = (name: string) => headerName(name, COOKIE_READ);
/** A `vary` entry. */
export const varyName = (name: string) => headerName(name, COOKIE_IN_VARY);

/** A `match.method` entry. */
export function method(name: string): Problem {
  const problem = tokenProblem(name);
  return problem === undefined ? undefined : { code: 'invalid-value', message: `${shown(name, 20)} is not an HTTP method: ${problem}; a method is a token such as GET or HEAD (RFC 9110 §9.1)` };
}

/** A `match.contentType` entry: type/subtype, subtype `*` for any. */
export function mediaRange(type: string): Problem {
  const [main = '', sub, ...rest] = type.split('/');
  if (sub !== undefined && rest.length === 0 && tokenProblem(main) === undefined && tokenProblem(sub) === undefined) return undefined;
  return { code: 'invalid-value', message: `${shown(type, 40)} is not a media type: expected type/subtype such as text/html, or image/* for every image, without parameters` };
}

/** A `match.host` entry. */
export function hostPattern(pattern: string): Problem {
  const message = hostPatternProblem(pattern);
  return message === undefined ? undefined : { code: 'invalid-name-pattern', message };
}

/** A bypass `cookie` entry (Netlify-Vary lists the exact ones). */
export function cookieName(pattern: string): Problem {
  const message = cookiePatternProblem(pattern);
  return message === undefined ? undefined : { code: 'invalid-name-pattern', message };
}

/** The header lines and map, and the cookie, of an example request; each problem at its entry. */
export function exampleHeaders(example: { header?: readonly string[] | Record<string, string> | undefined; cookie?: string | undefined }, issues: Issues): void {
  const { header, cookie } = example;
  if (cookie !== undefined && cookie !== '') report(issues, headerValue(cookie), cookie, ['cookie']);
  if (Array.isArray(header)) {
    header.forEach((line: string, index) => {
      const colon = line.indexOf(':');
      if (colon === -1) report(issues, { code: 'invalid-value', message: `${shown(line, 40)} is not a header line: expected "Name: value"` }, line, ['header', index]);
      else report(issues, exampleHeader(line.slice(0, colon).trim(), line.slice(colon + 1).trim()), line, ['header', index]);
    });
  } else if (header !== undefined) {
    for (const [name, value] of Object.entries(header)) report(issues, exampleHeader(name, value.trim()), value, ['header', name]);
  }
}

function exampleHeader(name: string, value: string): Problem {
  const problem = tokenProblem(name);
  if (problem !== undefined) return { code: 'invalid-value', message: `${shown(name, 40)} is not a header name: ${problem}; ${TOKEN_RULE}` };
  return value === '' ? undefined : headerValue(value);
}
