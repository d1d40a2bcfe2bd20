import { afterEach, beforeEach, vi } from 'vitest';

// A stray console call in library code is a bug (libraries report through return values), so any
// console output during a test fails it.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let calls: string[] = [];

beforeEach(() => {
  calls = [];
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      calls.push(`console.${method}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  if (calls.length > 0) throw new Error(`unexpected console output:\n${calls.join('\n')}`);
});
