import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A task that records each batch and ends when the test says so. */
function recorder() {
  const batches: string[][] = [];
  const ends: (() => void)[] = [];
  const task = (items: string[]) => {
    batches.push(items);
    return new Promise<void>((resolve) => ends.push(resolve));
  };
  return { batches, task, end: () => ends.shift()?.() };
}

describe('coalesce', () => {
  it('runs the task once for a burst, the wait after its last change', async () => {
    const { batches, task } = recorder();
    const queue = coalesce(50, task);
    queue.add('a');
    await vi.advanceTimersByTimeAsync(30);
    queue.add('b');
    await vi.advanceTimersByTimeAsync(30);
    queue.add('a');
    await vi.advanceTimersByTimeAsync(49);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([['a', 'b', 'a']]);
  });

  it('never runs two tasks at once: changes during a run make one more run after it', async () => {
    const { batches, task, end } = recorder();
    const queue = coalesce(50, task);
    queue.add('a');
    await vi.advanceTimersByTimeAsync(50);
    queue.add('b');
    queue.add('c');
    await vi.advanceTimersByTimeAsync(500);
    expect(batches).toEqual([['a']]);
    end();
    await vi.advanceTimersByTimeAsync(49);
    expect(batches).toEqual([['a']]);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([['a'], ['b', 'c']]);
    end();
    await vi.advanceTimersByTimeAsync(500);
    expect(batches).toHaveLength(2);
  });

  it('goes on after a task that throws, and is idle once nothing runs or is due', async () => {
    const batches: string[][] = [];
    const queue = coalesce<string>(10, async (items) => {
      batches.push(items);
      if (items.includes('bad')) throw new Error('bad');
    });
    let idle = false;
    queue.add('bad');
    void queue.idle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(idle).toBe(true);
    queue.add('good');
    await vi.advanceTimersByTimeAsync(10);
    expect(batches).toEqual([['bad'], ['good']]);
  });

  it('on close, drops what is due, waits for the running task, and ignores later changes', async () => {
    const { batches, task, end } = recorder();
    const queue = coalesce(50, task);
    queue.add('a');
    await vi.advanceTimersByTimeAsync(50);
    queue.add('b');
    let closed = false;
    void queue.close().then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(closed).toBe(false);
    end();
    await vi.advanceTimersByTimeAsync(0);
    expect(closed).toBe(true);
    queue.add('c');
    await vi.advanceTimersByTimeAsync(100);
    expect(batches).toEqual([['a']]);
  });
});
