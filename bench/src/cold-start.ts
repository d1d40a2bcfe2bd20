import { Miniflare } from 'miniflare';
import { median } from './measure.ts';

/** Milliseconds from a new workerd isolate to the first response of each run. */
export interface ColdStart {
  name: string;
  runs: number[];
}

/**
 * Starts `code` (a bundled module worker) in a fresh workerd through miniflare `runs` times, and
 * times each from `new Miniflare` to the first response of a GET: process start, script load and
 * the first request together, as a cold edge instance sees them.
 */
export async function coldStart(name: string, code: string, runs = 5): Promise<ColdStart> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const mf = new Miniflare({ modules: true, script: code, compatibilityDate: '2025-01-01', handleRuntimeStdio() {} });
    try {
      const response = await mf.dispatchFetch('https://edge.example/posts/improving-asset-delivery');
      await response.arrayBuffer();
      times.push(performance.now() - start);
    } finally {
      await mf.dispose();
    }
  }
  return { name, runs: times };
}

/** `name  median ms (min–max)`, and the difference to `floor`'s median when given. */
export function coldStartRow(result: ColdStart, width: number, floor?: ColdStart): string {
  const extra = floor === undefined ? '' : `  (+${(median(result.runs) - median(floor.runs)).toFixed(0)} ms over the empty worker)`;
  return `  ${result.name.padEnd(width)}  ${median(result.runs).toFixed(0).padStart(5)} ms median (${Math.min(...result.runs).toFixed(0)}–${Math.max(...result.runs).toFixed(0)} over ${result.runs.length} runs)${extra}`;
}
