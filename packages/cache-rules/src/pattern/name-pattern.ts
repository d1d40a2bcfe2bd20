/**
 * A name pattern for cookies and hosts: an exact name, `prefix*`, `*suffix` or `*part*`. A `*`
 * anywhere else is refused, so every test is one `startsWith`, `endsWith` or `includes`: linear.
 */
export interface NamePattern {
  source: string;
  test(name: string): boolean;
}

export type NamePatternResult = { ok: true; pattern: NamePattern } | { ok: false; message: string };

/**
 * @example
 * const result = compileNamePattern('wp_logged_in_*');
 * if (result.ok) result.pattern.test('wp_logged_in_abc'); // true
 */
export function compileNamePattern(source: string, { caseInsensitive = false } = {}): NamePatternResult {
  const text = caseInsensitive ? source.toLowerCase() : source;
  const lead = text.startsWith('*');
  const trail = text.length > 1 && text.endsWith('*');
  const core = text.slice(lead ? 1 : 0, trail ? -1 : undefined);
  if (core === '') return { ok: false, message: `"${source}" matches every name: name one, or use a prefix such as "wp_logged_in_*"` };
  if (core.includes('*')) return { ok: false, message: `"${source.slice(0, 40)}": "*" may only start or end a name pattern` };
  if (/[\s;,=]/.test(core)) return { ok: false, message: `"${source.slice(0, 40)}" holds a space, ";", "," or "=", which no cookie or header name can` };
  const fold = caseInsensitive ? (name: string) => name.toLowerCase() : (name: string) => name;
  const test =
    lead && trail ? (name: string) => fold(name).includes(core)
    : lead ? (name: string) => fold(name).endsWith(core)
    : trail ? (name: string) => fold(name).startsWith(core)
    : (name: string) => fold(name) === core;
  return { ok: true, pattern: { source, test } };
}
