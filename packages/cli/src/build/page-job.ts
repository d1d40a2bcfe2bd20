import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { purgePlan, type CacheRulesEngine } from '@alphanode/cache-rules';
import type { Diagnostic, Post } from '@alphanode/parser';
import { writeFileAtomic } from './atomic-write.ts';
import type { PageSettings } from './page-settings.ts';
import { readPost, renderPostPage } from './render-post-file.ts';
import { postUrl } from './site-paths.ts';

/** One changed post to build: its text, and the slug the main thread gave it. */
export interface PageJob {
  file: string;
  text: string;
  slug: string;
  /** The slug of its previous build, if any: its page is read for the purge plan, and removed if the slug moved. */
  previousSlug?: string;
}

export interface PageJobResult {
  file: string;
  diagnostics: Diagnostic[];
  /** Absent when the post did not parse: nothing was written. */
  page?: { title: string; topic: string; outputs: string[]; keys: string[]; purge: { keys: string[]; urls: string[] } };
}

export interface PageContext {
  outDir: string;
  settings: PageSettings;
  engine: CacheRulesEngine | undefined;
  strict: boolean;
}

function readBuiltPost(outDir: string, slug: string): Post | undefined {
  try {
    return JSON.parse(readFileSync(path.join(outDir, 'posts', slug, 'index.json'), 'utf8')) as Post;
  } catch {
    return undefined;
  }
}

/**
 * Parses, lints and renders one post, writes its pages atomically and works out what to purge. The
 * same function runs in a worker thread or, for a few posts, on the main thread.
 */
export function runPageJob(job: PageJob, context: PageContext): PageJobResult {
  const { post, diagnostics } = readPost(job.text, job.file, context.strict);
  if (!post) return { file: job.file, diagnostics };
  const before = job.previousSlug === undefined ? undefined : readBuiltPost(context.outDir, job.previousSlug);
  const moved = job.previousSlug !== undefined && job.previousSlug !== job.slug;
  if (moved) rmSync(path.join(context.outDir, 'posts', job.previousSlug as string), { recursive: true, force: true });
  const page = renderPostPage(post, job.slug, context.settings);
  for (const output of page.outputs) writeFileAtomic(context.outDir, output.path, output.content);
  const plan = purgePlan(before, post, context.engine ? { rules: context.engine } : {});
  const urls = [...plan.urls, postUrl(job.slug), ...(moved ? [postUrl(job.previousSlug as string)] : [])];
  return {
    file: job.file,
    diagnostics,
    page: {
      title: post.title,
      topic: post.meta.topic,
      outputs: page.outputs.map((output) => output.path),
      keys: context.engine ? context.engine.keysFor(postUrl(job.slug), post) : [],
      purge: { keys: plan.keys, urls },
    },
  };
}

/** What to purge when a built post is removed: its route and every listing it was in. */
export function removalPurge(context: PageContext, slug: string): { keys: string[]; urls: string[] } {
  const plan = purgePlan(readBuiltPost(context.outDir, slug), undefined, context.engine ? { rules: context.engine } : {});
  return { keys: plan.keys, urls: [...plan.urls, postUrl(slug)] };
}
