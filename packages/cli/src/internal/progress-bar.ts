/** What the bar writes to: a terminal stream. */
interface Stream {
  write(chunk: string): unknown;
  columns?: number;
}

export interface ProgressBar {
  /** One more file done. */
  tick(): void;
  /** Takes the bar off the line, so other output can be written; the next tick draws it again. */
  clear(): void;
}

const CLEAR_LINE = '\r\x1b[2K';
// Redrawing on every file would cost more than parsing a small one; ten frames a second is enough to look alive.
const FRAME_MS = 100;

/** The bar's one line for `done` of `total` files (total 0 or unknown shows a count only). */
export function renderProgress(done: number, total: number, width = 30): string {
  if (total <= 0) return `${done} files…`;
  const share = Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${Math.floor(share * 100)}%`;
}

/** A one-line progress bar for `check` and `generate`, redrawn in place at most every `FRAME_MS`; only for a TTY. */
export function createProgressBar(stream: Stream, total: number, now: () => number = () => performance.now()): ProgressBar {
  let done = 0;
  let shown = false;
  let lastFrame = -Infinity;
  return {
    tick() {
      done++;
      const at = now();
      if (shown && at - lastFrame < FRAME_MS && done < total) return;
      lastFrame = at;
      shown = true;
      stream.write(CLEAR_LINE + renderProgress(done, total, Math.max(10, Math.min(40, (stream.columns ?? 80) - 30))));
    },
    clear() {
      if (!shown) return;
      stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}
