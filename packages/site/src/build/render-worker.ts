// A worker thread of `buildSite`: receives batches of page jobs, answers with their results.
import { parentPort, workerData } from 'node:worker_threads';
import { compileRules } from '@alphanode/cache-rules/compile';
import { siteRoutesFor } from '../routes/site-routes.ts';
import type { PageContext, PageJob } from './page-job.ts';
import { runPageJob } from './page-job.ts';
import type { WorkerSetup } from './worker-pool.ts';

const setup = workerData as WorkerSetup;
const compiled = setup.rules === undefined ? undefined : compileRules(setup.rules as string);
const engine = compiled?.ok ? compiled.engine : undefined;
const context: PageContext = { outDir: setup.outDir, settings: setup.settings, strict: setup.strict, engine, routes: siteRoutesFor(engine) };

parentPort?.on('message', (jobs: PageJob[]) => {
  parentPort?.postMessage(jobs.map((job) => runPageJob(job, context)));
});
