/** The timer functions a coalescer uses; a test passes fake ones. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Gathers changes and hands them to one task at a time (see `coalesce`). */
export interface Coalescer<T> {
  /** Notes a change: the task runs `wait` ms after the last change of a burst. */
  add(item: T): void;
  /** Resolves once no task runs and none is due. */
  idle(): Promise<void>;
  /** Drops what is due and waits for a running task to end; later changes are ignored. */
  close(): Promise<void>;
}

const realTimers: Timers = { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };

/**
 * Debounces changes into batches for `task`, and never runs two tasks at once. An editor's save is
 * a burst of events (truncate, write, rename, a backup file), so the task runs once, `wait` ms
 * after the last. Changes that arrive while the task runs are kept for one more run right after
 * it (after its own `wait`): a rebuild never overlaps another, which the build's out-dir lock
 * would refuse, and nothing saved meanwhile is missed. A task reports its own errors; one that throws anyway does not stop later runs.
 */
export function coalesce<T>(wait: number, task: (items: T[]) => Promise<void>, timers: Timers = realTimers): Coalescer<T> {
  let pending: T[] = [];
  let timer: unknown;
  let running: Promise<void> | undefined;
  let closed = false;
  const waiters: (() => void)[] = [];

  const settle = () => {
    if (timer !== undefined || running !== undefined) return;
    for (const resolve of waiters.splice(0)) resolve();
  };
  const fire = () => {
    timer = undefined;
    if (running !== undefined || closed) return;
    const items = pending;
    pending = [];
    running = task(items)
      .catch(() => {})
      .finally(() => {
        running = undefined;
        if (pending.length > 0 && !closed) schedule();
        settle();
      });
  };
  const schedule = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(fire, wait);
  };

  return {
    add(item) {
      if (closed) return;
      pending.push(item);
      // While a task runs, its end schedules the next run.
      if (running === undefined) schedule();
    },
    idle() {
      if (timer === undefined && running === undefined) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    async close() {
      closed = true;
      pending = [];
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      await running;
      settle();
    },
  };
}
