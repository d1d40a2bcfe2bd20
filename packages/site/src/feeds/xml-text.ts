const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates out of pairs, U+FFFE and
// U+FFFF; imported titles can hold anything, and one such character makes a whole feed unreadable.
// eslint-disable-next-line no-control-regex -- the control characters are what this removes
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for XML content or a quoted attribute: markup characters escaped, characters XML cannot hold removed. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}
