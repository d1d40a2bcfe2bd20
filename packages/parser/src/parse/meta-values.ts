import type { ValueKind } from '../format/meta-fields.ts';

export type ValueResult = { ok: true; value: string | number | boolean } | { ok: false; expected: string };

const DIGITS = /^\d+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysIn(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** Reads one written value as its kind, or says what was expected instead. */
export function readValue(kind: ValueKind, text: string): ValueResult {
  switch (kind) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      const value = DIGITS.test(text) ? Number(text) : Number.NaN;
      return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, expected: 'a whole number (digits only)' };
    }
    case 'flag':
      return text === '0' || text === '1' ? { ok: true, value: text === '1' } : { ok: false, expected: '0 or 1' };
    case 'date':
      return isCalendarDate(text) ? { ok: true, value: text } : { ok: false, expected: 'a calendar date as YYYY-MM-DD' };
  }
}
