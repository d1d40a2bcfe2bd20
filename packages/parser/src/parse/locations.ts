/** Where each part of a parsed post starts, keyed by its dotted path (`meta.payload.paragraphs`, `body.3`). */
export type PostLocations = ReadonlyMap<string, { line: number; column: number }>;

type Position = { line: number; column: number };

export interface Locations {
  readonly map: PostLocations;
  /** Records where `key`, or `key.item` when an item is given, starts; the key string is built only if the map is read. */
  set(key: string, lineIndex: number, column: number, item?: string | number): void;
  /** Work that records more positions, run only when someone first reads the map. */
  later(record: () => void): void;
}

/**
 * Positions are recorded as flat arrays and turned into a Map on first read, and deferred work
 * (positions of keys inside objects) runs then too: a parse whose caller never asks pays almost
 * nothing. A class, not an object literal with a getter: V8 defines a literal's accessors at
 * run time on every parse, which cost more than the rest of this bookkeeping.
 */
class LazyLocations implements PostLocations, Locations {
  readonly #keys: string[] = [];
  readonly #items: (string | number | undefined)[] = [];
  readonly #positions: number[] = [];
  readonly #deferred: (() => void)[] = [];
  #built: Map<string, Position> | undefined;

  get map(): PostLocations {
    return this;
  }

  set(key: string, lineIndex: number, column: number, item?: string | number): void {
    this.#keys.push(key);
    this.#items.push(item);
    this.#positions.push(lineIndex, column);
  }

  later(record: () => void): void {
    this.#deferred.push(record);
  }

  #map(): Map<string, Position> {
    if (this.#built) return this.#built;
    for (const record of this.#deferred) record();
    const built = new Map<string, Position>();
    for (let i = 0; i < this.#keys.length; i++) {
      const item = this.#items[i];
      const key = item === undefined ? (this.#keys[i] as string) : `${this.#keys[i]}.${item}`;
      built.set(key, { line: (this.#positions[2 * i] as number) + 1, column: this.#positions[2 * i + 1] as number });
    }
    return (this.#built = built);
  }

  get(key: string): Position | undefined {
    return this.#map().get(key);
  }
  has(key: string): boolean {
    return this.#map().has(key);
  }
  get size(): number {
    return this.#map().size;
  }
  forEach(callback: (value: Position, key: string, map: PostLocations) => void, thisArg?: unknown): void {
    this.#map().forEach((value, key) => callback.call(thisArg, value, key, this));
  }
  entries(): MapIterator<[string, Position]> {
    return this.#map().entries();
  }
  keys(): MapIterator<string> {
    return this.#map().keys();
  }
  values(): MapIterator<Position> {
    return this.#map().values();
  }
  [Symbol.iterator](): MapIterator<[string, Position]> {
    return this.#map()[Symbol.iterator]();
  }
}

export function createLocations(): Locations {
  return new LazyLocations();
}
