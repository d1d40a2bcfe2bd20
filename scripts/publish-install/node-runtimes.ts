import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface NodeRuntime {
  /** `Node 20`, `Node 22` */
  label: string;
  path: string;
  version: string;
}

/** The runtimes to check on, and why Node 20 is not among them when it is not. */
export interface RuntimeChoice {
  runtimes: NodeRuntime[];
  /** Node 20 is missing or another version: a skip on a developer's machine, a failure under CI. */
  missing: { reason: string; fatal: boolean } | undefined;
}

/**
 * The Node 20 CI machines come with, as their system node; the packages promise
 * `engines: { node: '>=20' }`. `.ci/run` passes the node it found on PATH before the toolchain's.
 */
export const NODE20 = process.env.PUBLISH_INSTALL_NODE20 || '/usr/bin/node';

/**
 * The Node versions to install and run the packages on: the system's Node 20, and the Node running
 * this script (the toolchain's Node 22). Without a Node 20 at `node20`, the run checks on the
 * current Node only and says why; under CI, where Node 20 is promised, that is a failure, so a
 * machine that lost its Node 20 cannot pass on Node 22 alone.
 */
export function nodeRuntimes(options: { node20?: string; ci?: boolean } = {}): RuntimeChoice {
  const { node20 = NODE20, ci = Boolean(process.env.CI) } = options;
  const current: NodeRuntime = { label: `Node ${process.versions.node.split('.')[0]}`, path: process.execPath, version: process.version };
  const only = (why: string): RuntimeChoice => ({
    runtimes: [current],
    missing: { reason: `Node 20: ${why}; ${ci ? 'CI must check on Node 20 too' : `checked on ${current.label} only`}`, fatal: ci },
  });
  if (!existsSync(node20)) return only(`${node20} does not exist (CI machines have it)`);
  let version: string;
  try {
    version = execFileSync(node20, ['--version'], { encoding: 'utf8' }).trim();
  } catch (error) {
    return only(`${node20} --version failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  if (!version.startsWith('v20.')) return only(`${node20} is Node ${version}, not 20`);
  return { runtimes: [{ label: 'Node 20', path: node20, version }, current], missing: undefined };
}
