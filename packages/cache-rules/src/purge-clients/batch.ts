const encoder = new TextEncoder();

/** The UTF-8 length of a string: what size limits count. */
export const utf8Bytes = (text: string): number => encoder.encode(text).length;

/** How a batch is measured: its item count, and the bytes of what carries it (a header line, a JSON body). */
export interface BatchLimits {
  /** Most items in one batch. */
  maxItems?: number;
  /** Most bytes of the carrier: `overhead` + each item's bytes + a separator between items. */
  maxBytes?: number;
  /** Bytes the carrier takes with no item: `{"objects":[]}`, `xkey-purge: `. */
  overhead?: number;
  /** Bytes one item takes in the carrier; default its UTF-8 length. */
  itemBytes?: (item: string) => number;
  /** Bytes between two items: `,` in JSON, a space in a header; default 1. */
  separatorBytes?: number;
}

/**
 * Splits items into batches, in order, each within the limits. An item that is too big alone gets
 * a batch of its own (the CDN then says what it thinks of it): an item is never split or dropped.
 *
 * @example
 * batches(['aa', 'bb', 'cc'], { maxItems: 2 }); // [['aa', 'bb'], ['cc']]
 */
export function batches(items: readonly string[], limits: BatchLimits): string[][] {
  const { maxItems = Infinity, maxBytes = Infinity, overhead = 0, itemBytes = utf8Bytes, separatorBytes = 1 } = limits;
  const out: string[][] = [];
  let current: string[] = [];
  let bytes = overhead;
  for (const item of items) {
    const size = itemBytes(item);
    const added = current.length === 0 ? size : separatorBytes + size;
    if (current.length > 0 && (current.length >= maxItems || bytes + added > maxBytes)) {
      out.push(current);
      current = [];
      bytes = overhead;
    }
    bytes += current.length === 0 ? size : separatorBytes + size;
    current.push(item);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Items with duplicates and empty strings removed, sorted: the same set always makes the same requests. */
export function normalised(items: readonly string[] | undefined): string[] {
  return [...new Set((items ?? []).filter((item) => item !== ''))].sort();
}

/** The bytes one string takes inside a JSON array. */
export const jsonItemBytes = (item: string): number => utf8Bytes(JSON.stringify(item));
