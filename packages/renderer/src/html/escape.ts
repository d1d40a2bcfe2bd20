// One table for text and for double- or single-quoted attribute values: escaping both quotes in text
// costs nothing visible and lets every caller use the same function without thinking about context.
const SPECIAL = /[&<>"']/;

// A scan with charCodeAt beats `replace` with a callback once there is something to replace; a
// regex test beats the scan when there is nothing, which is most text.
function escapeFrom(value: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    let entity: string;
    switch (value.charCodeAt(i)) {
      case 38:
        entity = '&amp;';
        break;
      case 60:
        entity = '&lt;';
        break;
      case 62:
        entity = '&gt;';
        break;
      case 34:
        entity = '&quot;';
        break;
      case 39:
        entity = '&#39;';
        break;
      default:
        continue;
    }
    if (last !== i) out += value.slice(last, i);
    out += entity;
    last = i + 1;
  }
  return last === value.length ? out : out + value.slice(last);
}

/**
 * Escapes text for HTML text and quoted attribute values: `& < > " '` become entities. Strings with
 * none of them (most prose) are returned as they are, without allocating.
 *
 * @example
 * escapeHtml('<b>"AT&T"</b>'); // '&lt;b&gt;&quot;AT&amp;T&quot;&lt;/b&gt;'
 */
export function escapeHtml(value: string): string {
  // Five indexOf scans run several times faster than one regex test over prose, slower over a few
  // words; the crossover is around 40 characters.
  const special =
    value.length < 40
      ? SPECIAL.test(value)
      : value.indexOf('&') !== -1 || value.indexOf('<') !== -1 || value.indexOf('>') !== -1 || value.indexOf('"') !== -1 || value.indexOf("'") !== -1;
  return special ? escapeFrom(value) : value;
}

const TEXT_SPECIAL = /[&<>]/;

/**
 * Escapes text for an element's content only (`& < >`), as hast-util-to-html does: quotes are
 * harmless outside attributes, and prose and code are full of them. Never use it for attributes.
 */
export function escapeText(value: string): string {
  const special = value.length < 40 ? TEXT_SPECIAL.test(value) : value.indexOf('&') !== -1 || value.indexOf('<') !== -1 || value.indexOf('>') !== -1;
  return special ? escapeTextFrom(value) : value;
}

function escapeTextFrom(value: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code !== 38 && code !== 60 && code !== 62) continue;
    if (last !== i) out += value.slice(last, i);
    out += code === 38 ? '&amp;' : code === 60 ? '&lt;' : '&gt;';
    last = i + 1;
  }
  return last === value.length ? out : out + value.slice(last);
}
