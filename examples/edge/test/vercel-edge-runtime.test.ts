import { readFileSync } from 'node:fs';
import { EdgeRuntime } from 'edge-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSiteContract, type ContractTarget } from './site-contract.ts';
import { buildWorker, type BuiltWorker } from './worker-setup.ts';

// The worker in Vercel's `edge-runtime` sandbox: a VM context holding only the Web APIs Vercel's
// edge runtime offers (no `process`, no `require`, no `caches`), loaded as the classic script
// that sandbox evaluates. The same source as the module bundle, bundled in that form.
let built: BuiltWorker;
let runtime: EdgeRuntime;

beforeAll(async () => {
  built = await buildWorker('service-worker');
  runtime = new EdgeRuntime({ initialCode: readFileSync(built.outFile, 'utf8') });
});

afterAll(() => built?.dispose());

const call = async (path: string, init?: RequestInit): Promise<Response> =>
  (await runtime.dispatchFetch(`https://edge.example${path}`, init)) as unknown as Response;

describeSiteContract("Vercel's edge-runtime", (): ContractTarget => ({ fetch: call, data: built.data }));

describe("Vercel's edge-runtime sandbox", () => {
  it('has none of the Node or Workers globals the worker must not need', () => {
    const context = runtime.context as Record<string, unknown>;
    expect([typeof context.process, typeof context.require, typeof context.caches, typeof context.Buffer]).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });
});
