// A worker thread of `buildSite`: receives chunks of page jobs, answers with their results.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCompiledRules } from '@alphanode/cache-rules';
import { siteRoutesFor } from '../routes/site-routes.ts';
import { fileWriter } from './file-writer.ts';
import { runPageJob, type PageContext } from './page-job.ts';
import type { WorkerMessage, WorkerSetup } from './worker-pool.ts';

const setup = workerData as WorkerSetup;
const compiled = setup.rules === undefined ? undefined : loadCompiledRules(setup.rules);
const engine = compiled?.ok ? compiled.engine : undefined;
const context: PageContext = {
  write: fileWriter(setup.dir, setup.mode),
  settingsHash: setup.settingsHash,
  settings: setup.settings,
  strict: setup.strict,
  lint: setup.lint,
  engine,
  routes: siteRoutesFor(engine),
  titles: new Map(),
  topicSlugs: new Map(),
};

parentPort?.on('message', ({ jobs, lookups }: WorkerMessage) => {
  if (lookups !== undefined) Object.assign(context, lookups);
  parentPort?.postMessage(jobs.map((job) => runPageJob(job, context)));
});
