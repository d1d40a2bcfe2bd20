/** One measured subject: the time of one operation, the median of several timed rounds. */
export interface Measurement {
  name: string;
  nsPerOp: number;
}

/**
 * Times `run` (which performs `opsPerCall` operations) after a warm-up: rounds of at least
 * `roundMs` each, and the median round is taken so that one slow slice on a busy machine does not
 * decide the figure.
 */
export function measure(name: string, run: () => void, opsPerCall: number, { rounds = 7, roundMs = 150 } = {}): Measurement {
  const warmUntil = performance.now() + roundMs;
  while (performance.now() < warmUntil) run();
  const perRound: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let calls = 0;
    const start = performance.now();
    let now = start;
    while (now - start < roundMs) {
      run();
      calls++;
      now = performance.now();
    }
    perRound.push(((now - start) * 1e6) / (calls * opsPerCall));
  }
  perRound.sort((a, b) => a - b);
  return { name, nsPerOp: perRound[Math.floor(perRound.length / 2)] as number };
}

/** A plain-text table: one row per subject, µs/op, an optional throughput, and the ratio to the first row. */
export function table(rows: readonly Measurement[], bytesPerOp?: readonly number[]): string {
  const base = rows[0]?.nsPerOp ?? 1;
  const width = Math.max(...rows.map((row) => row.name.length));
  return rows
    .map((row, i) => {
      const us = (row.nsPerOp / 1000).toFixed(2).padStart(9);
      const bytes = bytesPerOp?.[i];
      const mbs = bytes === undefined ? '' : `  ${((bytes / row.nsPerOp) * 1000).toFixed(1).padStart(7)} MB/s`;
      return `  ${row.name.padEnd(width)}  ${us} µs/op${mbs}  ${(row.nsPerOp / base).toFixed(2).padStart(7)}x`;
    })
    .join('\n');
}

/** The middle value (the upper one of an even count), for figures given as a median over runs. */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
