/** The largest delta-seconds value caches must accept (RFC 9111 §1.2.2): 2^31 - 1. */
export const MAX_DURATION_SECONDS = 2_147_483_647;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 };

/** What `parseDuration` returns: the whole number of seconds, or a message saying why the input is not a valid duration. */
export type DurationResult = { ok: true; seconds: number } | { ok: false; message: string };

const EXPECTED = 'expected a duration such as 30s, 5m, 1h, 1d, 1w, 1y (or 1h30m), or a whole number of seconds';

function fail(found: string): DurationResult {
  const cut = found.length > 40 ? `${found.slice(0, 40)}…` : found;
  return { ok: false, message: `${EXPECTED}; found ${JSON.stringify(cut)}` };
}

/**
 * Parses a duration into whole seconds: `30s`, `5m`, `1h`, `1d`, `1w`, `1y` (365 days), sums of
 * them (`1h30m`), or a number of seconds. One left-to-right pass, so any input is linear time.
 *
 * @example
 * parseDuration('1h30m'); // { ok: true, seconds: 5400 }
 * parseDuration('forever'); // { ok: false, message: 'expected a duration ...' }
 */
export function parseDuration(input: string | number): DurationResult {
  if (typeof input === 'number') return parseSeconds(input);
  const text = input.trim();
  if (text === '') return fail(input);
  if (/^\d+$/.test(text)) return parseSeconds(Number(text));
  let total = 0;
  let digits = '';
  let lastUnit = Infinity;
  for (const char of text) {
    if (char >= '0' && char <= '9') {
      digits += char;
      continue;
    }
    const unit = UNIT_SECONDS[char];
    // Units must fall (1h30m, not 30m1h) so that one spelling means one thing.
    if (unit === undefined || digits === '' || unit >= lastUnit) return fail(input);
    total += Number(digits) * unit;
    if (total > MAX_DURATION_SECONDS) return tooLong(input);
    lastUnit = unit;
    digits = '';
  }
  return digits === '' ? { ok: true, seconds: total } : fail(input);
}

/**
 * `parseDuration` of a number: a whole number of seconds within the limit. Compiled rules hold only
 * numbers, so their loader checks with this and leaves the text parser out of an edge bundle.
 */
export function parseSeconds(input: number): DurationResult {
  if (!Number.isInteger(input) || input < 0) return fail(String(input));
  return input > MAX_DURATION_SECONDS ? tooLong(String(input)) : { ok: true, seconds: input };
}

function tooLong(found: string): DurationResult {
  return { ok: false, message: `a duration must be at most ${MAX_DURATION_SECONDS} seconds (about 68 years; RFC 9111 §1.2.2); found ${JSON.stringify(found.slice(0, 40))}` };
}

/**
 * The shortest spelling of a number of seconds in the largest whole unit, for messages.
 *
 * @example
 * formatDuration(5400); // '90m'
 */
export function formatDuration(seconds: number): string {
  for (const [unit, size] of Object.entries(UNIT_SECONDS).reverse()) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
