/** Where each part of a parsed post starts, keyed by its dotted path (`meta.payload.paragraphs`, `body.3`). */
export type PostLocations = ReadonlyMap<string, { line: number; column: number }>;

export interface Locations {
  readonly map: PostLocations;
  set(key: string, lineIndex: number, column: number): void;
  /** Work that records more positions, run only when someone first reads the map. */
  later(record: () => void): void;
}

/**
 * Positions are recorded as flat numbers and turned into a Map on first read, and the positions of
 * keys inside objects are found then too: a parse whose caller never asks pays almost nothing.
 */
export function createLocations(): Locations {
  const keys: string[] = [];
  const positions: number[] = [];
  const deferred: (() => void)[] = [];
  let built: Map<string, { line: number; column: number }> | undefined;
  const set = (key: string, lineIndex: number, column: number) => {
    keys.push(key);
    positions.push(lineIndex, column);
  };
  const map = (): Map<string, { line: number; column: number }> => {
    if (built) return built;
    for (const record of deferred) record();
    built = new Map();
    for (let i = 0; i < keys.length; i++) built.set(keys[i] as string, { line: (positions[2 * i] as number) + 1, column: positions[2 * i + 1] as number });
    return built;
  };
  const lazy: PostLocations = {
    get: (key) => map().get(key),
    has: (key) => map().has(key),
    get size() {
      return map().size;
    },
    forEach: (callback, thisArg) => map().forEach((value, key) => callback.call(thisArg, value, key, lazy)),
    entries: () => map().entries(),
    keys: () => map().keys(),
    values: () => map().values(),
    [Symbol.iterator]: () => map()[Symbol.iterator](),
  };
  return { map: lazy, set, later: (record) => void deferred.push(record) };
}
