import { availableParallelism } from 'node:os';
import type { CompiledRulesJson } from '@alphanode/cache-rules';
import { Worker } from 'node:worker_threads';
import type { WriteMode } from './file-writer.ts';
import type { PageContext, PageJob, PageJobResult } from './page-job.ts';
import type { PageSettings } from './page-settings.ts';

/** What every worker needs once: the same for all jobs of a build. */
export interface WorkerSetup {
  /** Where the files go (the out dir, or the staging folder of a fresh build), and how. */
  dir: string;
  mode: WriteMode;
  settingsHash: string;
  settings: PageSettings;
  /** The rules compiled to JSON: a worker loads them without the YAML parser or zod (a lighter worker, started sooner). */
  rules: CompiledRulesJson | undefined;
  strict: boolean;
  lint: boolean;
}

/** What the jobs of a run look up, the same for all of them: titles for Similar Posts links, topics' slugs for keys. */
export type RunLookups = Pick<PageContext, 'titles' | 'topicSlugs'>;

/** A chunk of jobs; with the run's lookups the first time a worker is sent one. */
export interface WorkerMessage {
  jobs: PageJob[];
  lookups?: RunLookups;
}

export interface WorkerPool {
  /** Runs the jobs spread over the workers with the run's lookups, `onChunk` called as each chunk comes back; results in the jobs' order. */
  run(jobs: readonly PageJob[], lookups: RunLookups, onChunk?: (done: number) => void): Promise<PageJobResult[]>;
  close(): Promise<void>;
}

// Jobs a worker takes at a time. A job is a path and a slug (the worker reads the file), so a
// chunk's message is small; chunks are handed out as workers free up, so a worker that drew long
// posts does not hold the others at a barrier. 64: above it nothing was gained, and below 16 the
// messages began to show (measured on 10,000 posts, 2 cores).
const CHUNK = 64;

// From source (tests, `node --conditions=@alphanode/source`) the worker is the .ts file beside this
// one; from the published build it is dist/node/render-worker.js beside dist/node/index.js.
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./render-worker.ts', import.meta.url) : new URL('./render-worker.js', import.meta.url);
}

/** One worker per core (by default), each asking for the next chunk when it has answered one. */
export function createWorkerPool(setup: WorkerSetup, size = availableParallelism()): WorkerPool {
  const execArgv = import.meta.url.endsWith('.ts') ? ['--conditions=@alphanode/source'] : [];
  // A smaller young generation than V8's default: a job's garbage is short-lived, and on 10,000
  // posts this took 25-35 MB off the build's peak RSS at no cost in time (measured).
  const resourceLimits = { maxYoungGenerationSizeMb: 8 };
  const workers = Array.from({ length: Math.max(1, size) }, () => new Worker(workerUrl(), { workerData: setup, execArgv, resourceLimits }));
  const ask = (worker: Worker, message: WorkerMessage) =>
    new Promise<PageJobResult[]>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('message', (results: PageJobResult[]) => {
        worker.off('error', onError);
        resolve(results);
      });
      worker.once('error', onError);
      worker.postMessage(message);
    });
  return {
    async run(jobs, lookups, onChunk) {
      const results = new Array<PageJobResult[]>(Math.ceil(jobs.length / CHUNK));
      let next = 0;
      let done = 0;
      const drain = async (worker: Worker) => {
        // The lookups are cloned once per worker (about 1 MB at 10,000 posts), not once per chunk.
        let once: RunLookups | undefined = lookups;
        for (let chunk = next++; chunk < results.length; chunk = next++) {
          const message: WorkerMessage = { jobs: jobs.slice(chunk * CHUNK, (chunk + 1) * CHUNK) };
          if (once !== undefined) message.lookups = once;
          once = undefined;
          results[chunk] = await ask(worker, message);
          done += (results[chunk] as PageJobResult[]).length;
          onChunk?.(done);
        }
      };
      await Promise.all(workers.map(drain));
      return results.flat();
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
