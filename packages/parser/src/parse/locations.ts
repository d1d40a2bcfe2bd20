/** Where each part of a parsed post starts, keyed by its dotted path (`meta.payload.paragraphs`, `body.3`). */
export type PostLocations = ReadonlyMap<string, { line: number; column: number }>;

export interface Locations {
  readonly map: PostLocations;
  set(path: readonly (string | number)[], lineIndex: number, column: number): void;
}

export function createLocations(): Locations {
  const map = new Map<string, { line: number; column: number }>();
  return {
    map,
    set(path, lineIndex, column) {
      map.set(path.join('.'), { line: lineIndex + 1, column });
    },
  };
}
