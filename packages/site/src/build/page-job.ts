import type { CacheRulesEngine } from '@alphanode/cache-rules';
import type { Diagnostic } from '@alphanode/parser';
import type { SiteRoutes } from '../routes/site-routes.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { contentHash } from './content-hash.ts';
import type { OutputRecord } from './manifest.ts';
import type { PageSettings } from './page-settings.ts';
import { readPost, renderPostPage } from './render-post-file.ts';

/** One changed post to build: its text, and the slug the main thread gave it. */
export interface PageJob {
  file: string;
  text: string;
  slug: string;
}

export interface PageJobResult {
  file: string;
  diagnostics: Diagnostic[];
  /** Absent when the post did not parse: nothing was written. */
  page?: { title: string; topic: string; date: string; summary: string; outputs: OutputRecord[] };
}

export interface PageContext {
  outDir: string;
  settings: PageSettings;
  engine: CacheRulesEngine | undefined;
  routes: SiteRoutes;
  strict: boolean;
}

/**
 * Parses, lints and renders one post and writes its files atomically. It removes nothing: what a
 * run no longer needs is removed once all of its writes are done, so no job can delete a file that
 * another job (a post that took over a freed slug) has just written.
 */
export function runPageJob(job: PageJob, context: PageContext): PageJobResult {
  const { post, diagnostics } = readPost(job.text, job.file, context.strict);
  if (!post) return { file: job.file, diagnostics };
  const outputs = renderPostPage(post, job.slug, context.routes, context.settings).map((output) => {
    writeFileAtomic(context.outDir, output.file, output.content);
    return { url: output.url, file: output.file, hash: contentHash(output.content), keys: context.engine ? context.engine.keysFor(output.url, post) : [] };
  });
  return { file: job.file, diagnostics, page: { title: post.title, topic: post.meta.topic, date: post.meta.revision.lastReviewed, summary: post.meta.summary, outputs } };
}
