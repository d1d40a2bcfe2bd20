import { describe, expect, it } from 'vitest';
import { createProgressBar, renderProgress } from './progress-bar.ts';

describe('renderProgress', () => {
  it('draws a bar with a count and a percentage', () => {
    expect(renderProgress(0, 4, 8)).toBe('[--------] 0/4 0%');
    expect(renderProgress(1, 4, 8)).toBe('[##------] 1/4 25%');
    expect(renderProgress(4, 4, 8)).toBe('[########] 4/4 100%');
    expect(renderProgress(9, 4, 8)).toBe('[########] 9/4 100%');
  });

  it('shows a count alone when the total is unknown', () => {
    expect(renderProgress(3, 0)).toBe('3 files…');
  });
});

describe('createProgressBar', () => {
  it('redraws at most every 100ms, always for the last file, and clears its line', () => {
    const writes: string[] = [];
    let time = 0;
    const bar = createProgressBar({ write: (chunk: string) => writes.push(chunk), columns: 50 }, 3, () => time);
    bar.tick();
    time = 50;
    bar.tick();
    time = 60;
    bar.tick();
    expect(writes).toEqual(['\r\x1b[2K[#######-------------] 1/3 33%', '\r\x1b[2K[####################] 3/3 100%']);
    bar.clear();
    bar.clear();
    expect(writes.at(-1)).toBe('\r\x1b[2K');
    expect(writes).toHaveLength(3);
  });
});
