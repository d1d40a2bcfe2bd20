import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// Runs scripts/publish-install.ts, which publishes every package to a local registry and uses them
// from a new npm project on Node 20 and Node 22. Its log (each phase and its duration, and the output
// of whatever failed) is printed whether it passes or not, so that a CI log records how long each
// phase took; on stdout, since the test setup fails a test that writes to the console.
const script = join(import.meta.dirname, 'publish-install.ts');
const timeout = 10 * 60_000;

function runScript(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // On timeout, SIGTERM: the script ends its children, stops the registry and removes its temp dirs.
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'], timeout, killSignal: 'SIGTERM' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, output: signal == null ? output : `${output}\n(ended by ${signal} after ${timeout / 60_000} minutes)` }));
  });
}

it('publishes every package to a local registry, installs them with npm on Node 20 and 22, and uses every entry point', async () => {
  const { code, output } = await runScript();
  process.stdout.write(`\nscripts/publish-install.ts:\n${output.trimEnd()}\n`);
  expect(code, `scripts/publish-install.ts failed:\n${output}`).toBe(0);
}, timeout + 60_000);
