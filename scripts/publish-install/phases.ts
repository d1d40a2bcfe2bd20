import { CommandError } from './command.ts';

interface PhaseResult {
  name: string;
  seconds: number;
  status: 'ok' | 'FAIL' | 'skip';
}

const results: PhaseResult[] = [];

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

/** An error as the log shows it: a failed command with its output, anything else with its stack. */
export function describeError(error: unknown): string {
  if (error instanceof CommandError) return `${error.message}; its output:\n${error.output.trimEnd()}`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** A step the rest depends on (the registry, the publish, an install): its failure ends the run. */
export async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    const value = await work();
    results.push({ name, seconds: seconds(start), status: 'ok' });
    console.log(`ok   ${name} (${seconds(start).toFixed(1)}s)`);
    return value;
  } catch (error) {
    results.push({ name, seconds: seconds(start), status: 'FAIL' });
    console.log(`FAIL ${name} (${seconds(start).toFixed(1)}s)`);
    throw error;
  }
}

/** A check: its failure is reported and counted, and the next checks still run. */
export async function check(name: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await step(name, work);
  } catch (error) {
    console.log(describeError(error).replace(/^/gm, '     | '));
  }
}

/** A phase that cannot run here, with the reason, shown at once and in the summary. */
export function skip(name: string): void {
  results.push({ name, seconds: 0, status: 'skip' });
  console.log(`skip ${name}`);
}

/** A phase that cannot run here and must: a failure with the reason, shown at once and in the summary. */
export function fail(name: string): void {
  results.push({ name, seconds: 0, status: 'FAIL' });
  console.log(`FAIL ${name}`);
}

export function failed(): boolean {
  return results.some((result) => result.status === 'FAIL');
}

/** The table of phases and their durations, for the end of the run. */
export function summary(since: number): string {
  const width = Math.max(...results.map((result) => result.name.length));
  const rows = results.map((result) => `${result.status.padEnd(4)} ${result.name.padEnd(width)} ${result.seconds.toFixed(1).padStart(6)}s`);
  return [...rows, `${failed() ? 'FAILED' : 'passed'} in ${seconds(since).toFixed(1)}s`].join('\n');
}
