/**
 * A Cache-Control value as a set of directives, `name` or `name=value`, lowercase names and
 * unquoted values: order and spacing carry no meaning, so `max-age=60, public` equals
 * `public,max-age=60`.
 *
 * @example
 * cacheControlSet('max-age=60, S-MaxAge="3600"'); // ['max-age=60', 's-maxage=3600']
 */
export function cacheControlSet(value: string | undefined): string[] {
  if (value === undefined) return [];
  const directives = new Set<string>();
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (name === '') continue;
    const raw = eq === -1 ? undefined : part.slice(eq + 1).trim();
    const unquoted = raw !== undefined && raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
    directives.add(unquoted === undefined ? name : `${name}=${unquoted}`);
  }
  return [...directives].sort();
}

/** Lowercase tokens of a comma list (Vary), sorted. */
export function tokenSet(value: string | undefined, separator: RegExp = /,/): string[] {
  if (value === undefined) return [];
  return [...new Set(value.split(separator).map((token) => token.trim().toLowerCase()).filter((token) => token !== ''))].sort();
}

/** Whether two sorted lists hold the same items. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
