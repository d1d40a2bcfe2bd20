import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';

const draw = (seed: number, stream = 0, n = 20) => {
  const rng = createRng(seed, stream);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('gives the same stream for the same seed and stream number', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42, 7)).toEqual(draw(42, 7));
  });

  it('gives different streams for neighbouring seeds and stream numbers', () => {
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(1, 0)).not.toEqual(draw(1, 1));
    expect(draw(0, 1)).not.toEqual(draw(1, 0));
  });

  it('pins the first values, so a change to the generator shows up as a changed corpus', () => {
    const rng = createRng(1);
    expect(Array.from({ length: 3 }, () => rng.int(0, 999))).toMatchInlineSnapshot(`
      [
        168,
        713,
        640,
      ]
    `);
  });

  it('keeps next() in [0, 1) and int() within its bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 100 }), (seed, min, span) => {
        const rng = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const x = rng.next();
          expect(x >= 0 && x < 1).toBe(true);
          const n = rng.int(min, min + span);
          expect(Number.isInteger(n) && n >= min && n <= min + span).toBe(true);
        }
      }),
    );
  });

  it('samples distinct elements and reaches every index', () => {
    const rng = createRng(3);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const picked = rng.sample(items, 3);
      expect(new Set(picked).size).toBe(3);
      picked.forEach((item) => seen.add(item));
    }
    expect([...seen].sort()).toEqual(items);
    expect(rng.sample(items, 9)).toHaveLength(5);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createRng(1).pick([])).toThrow(RangeError);
  });
});
