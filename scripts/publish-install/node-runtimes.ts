import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface NodeRuntime {
  /** `Node 20`, `Node 22` */
  label: string;
  path: string;
  version: string;
}

// The Node 20 that CI machines come with; the packages promise `engines: { node: '>=20' }`.
const node20 = '/usr/bin/node';

/**
 * The Node versions to install and run the packages on: the system's Node 20, and the Node running
 * this script (the toolchain's Node 22). A machine without Node 20 at /usr/bin/node skips it and says so.
 */
export function nodeRuntimes(): { runtimes: NodeRuntime[]; skipped: string[] } {
  const current: NodeRuntime = { label: `Node ${process.versions.node.split('.')[0]}`, path: process.execPath, version: process.version };
  if (!existsSync(node20)) return { runtimes: [current], skipped: [`Node 20: ${node20} does not exist (CI machines have it); checked on ${current.label} only`] };
  const version = execFileSync(node20, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith('v20.')) return { runtimes: [current], skipped: [`Node 20: ${node20} is Node ${version}, not 20; checked on ${current.label} only`] };
  return { runtimes: [{ label: 'Node 20', path: node20, version }, current], skipped: [] };
}
