import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeRuntimes } from './node-runtimes.ts';

const dir = mkdtempSync(join(tmpdir(), 'alphanode-node-runtimes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for a node binary that only answers `--version`. */
function fakeNode(version: string): string {
  const file = join(dir, `node-${version}`);
  writeFileSync(file, `#!/bin/sh\necho ${version}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('nodeRuntimes', () => {
  it('checks on Node 20 and the current Node when Node 20 is there', () => {
    const node20 = fakeNode('v20.19.5');
    const { runtimes, missing } = nodeRuntimes({ node20, ci: true });
    expect(runtimes.map((runtime) => [runtime.label, runtime.path, runtime.version])).toEqual([['Node 20', node20, 'v20.19.5'], [`Node ${process.versions.node.split('.')[0]}`, process.execPath, process.version]]);
    expect(missing).toBeUndefined();
  });

  it('under CI, fails rather than skips when Node 20 is missing or another version', () => {
    for (const node20 of [join(dir, 'no-such-node'), fakeNode('v18.20.8'), fakeNode('v22.12.0')]) {
      const { runtimes, missing } = nodeRuntimes({ node20, ci: true });
      expect(runtimes.map((runtime) => runtime.path)).toEqual([process.execPath]);
      expect(missing?.fatal).toBe(true);
      expect(missing?.reason).toContain(node20);
    }
  });

  it('elsewhere, skips the Node 20 leg and says why', () => {
    const { runtimes, missing } = nodeRuntimes({ node20: fakeNode('v18.20.8'), ci: false });
    expect(runtimes).toHaveLength(1);
    expect(missing).toEqual({ fatal: false, reason: expect.stringMatching(/^Node 20: .*node-v18\.20\.8 is Node v18\.20\.8, not 20; checked on Node \d+ only$/) });
  });
});
