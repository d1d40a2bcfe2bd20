import { escapeHtml } from '../html/escape.ts';

type Grouping = (value: number) => string;

const groupings = new Map<string, Grouping>();

/** Thousands in groups of three with `separator`, as most languages write whole numbers. */
const groupBy = (separator: string): Grouping => (value) => {
  const digits = String(Math.abs(value));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = out.length; at < digits.length; at += 3) out += separator + digits.slice(at, at + 3);
  return value < 0 ? `-${out}` : out;
};

// `Intl.NumberFormat#format` costs about half a microsecond a call, a tenth of a render's budget, so
// a language whose numbers are plain groups of three gets an equivalent function: checked once
// against Intl on a probe value, else Intl it is (lakh grouping, other digits).
function grouping(lang: string): Grouping {
  let group = groupings.get(lang);
  if (group === undefined) {
    let format: Intl.NumberFormat;
    try {
      format = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    } catch {
      // A language tag Intl refuses still gets grouped digits rather than a thrown render.
      format = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
    }
    const probe = format.format(1234567890);
    const separator = /^1(\D{1,3})234(?:\1)567(?:\1)890$/.exec(probe)?.[1];
    const simple = separator === undefined ? undefined : groupBy(separator);
    group = simple !== undefined && simple(-1234567890) === format.format(-1234567890) && simple(1234) === format.format(1234) ? simple : (value) => format.format(value);
    // Bounded: the language comes from options, and a site may pass many.
    if (groupings.size < 64) groupings.set(lang, group);
  }
  return group;
}

/**
 * A number as `<data value>`: the machine value in the attribute, digits grouped for the reader in
 * the page's language (`56,310` in English). Numbers under 1000 need no grouping.
 */
export function numberHtml(value: unknown, lang: string): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return escapeHtml(String(value));
  const text = value > -1000 && value < 1000 ? String(value) : grouping(lang)(value);
  return `<data value="${value}">${escapeHtml(text)}</data>`;
}

/** A flag as `yes` / `no`; anything that is not a boolean as its text. */
export function flagHtml(value: unknown): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return escapeHtml(String(value));
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Whether `value` is a `YYYY-MM-DD` date, the only form the renderer puts in `datetime` and JSON-LD. */
export const isIsoDate = (value: unknown): value is string => typeof value === 'string' && ISO_DATE.test(value);

/** A date as `<time datetime>`; text that is not a date stays text, since a bad `datetime` is invalid HTML. */
export function dateHtml(value: unknown): string {
  return isIsoDate(value) ? `<time datetime="${value}">${value}</time>` : escapeHtml(String(value));
}
