import type { CacheStatus } from './cache-status.ts';
import type { Observation } from './types.ts';

/** Response times and sizes of one group of responses. */
export interface LatencyStats {
  count: number;
  /** Milliseconds, nearest-rank percentiles. */
  p50: number;
  p95: number;
  p99: number;
  /** Body bytes. */
  bytes: { p50: number; total: number };
}

/** Nearest-rank percentile of sorted numbers; 0 for none. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

function stats(observations: readonly Observation[]): LatencyStats {
  const ms = observations.map((o) => o.ms).sort((a, b) => a - b);
  const bytes = observations.map((o) => o.bytes).sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { count: ms.length, p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), p99: round(percentile(ms, 99)), bytes: { p50: percentile(bytes, 50), total: bytes.reduce((a, b) => a + b, 0) } };
}

/**
 * p50, p95 and p99 response times and bytes over every response, and split by cache status:
 * hit, miss, pass (bypassed) and unknown; a status no response had is left out.
 *
 * @example
 * latencyByStatus(observations).byStatus.hit?.p95;
 */
export function latencyByStatus(observations: readonly Observation[]): { all: LatencyStats; byStatus: Partial<Record<CacheStatus, LatencyStats>> } {
  const byStatus: Partial<Record<CacheStatus, LatencyStats>> = {};
  for (const status of ['hit', 'miss', 'pass', 'unknown'] as const) {
    const group = observations.filter((o) => o.cache.status === status);
    if (group.length > 0) byStatus[status] = stats(group);
  }
  return { all: stats(observations), byStatus };
}
