/** The session cookie a logged-in visitor carries; rules.yaml's `logged-in` bypass names it too. */
export const SESSION_COOKIE = 'session';

// A real app would look the session up; the example shows its value as a name, so it only takes one
// that reads as a name and never reflects arbitrary cookie text into a page.
const NAME = /^[A-Za-z0-9_-]{1,32}$/;

/** The logged-in visitor's name from a `Cookie` header: undefined when anonymous. */
export function viewerFrom(cookieHeader: string | undefined): string | undefined {
  if (cookieHeader === undefined) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (value === '') return undefined;
    return NAME.test(value) ? value : 'reader';
  }
  return undefined;
}
