import type { CacheRulesEngine } from '@alphanode/cache-rules';
import type { Diagnostic } from '@alphanode/parser';
import { readFailureDiagnostic } from '@alphanode/parser/node';
import { postForKeys } from '../routes/post-for-keys.ts';
import type { SiteRoutes } from '../routes/site-routes.ts';
import { slugify } from '../routes/slugify.ts';
import { contentHash } from './content-hash.ts';
import { detachedString } from './detached-string.ts';
import type { FileWriter } from './file-writer.ts';
import type { OutputRecord } from '../manifest/manifest.ts';
import type { PageSettings } from './page-settings.ts';
import { readPost, renderPostPage } from './render-post-file.ts';
import { similarLinks, titleKey, type TitleIndex } from './similar-links.ts';
import { readSource, type SourceStamp } from './source-file.ts';

/** One post that may have changed: where it is, the slug the main thread gave it, what the manifest knows of its source. */
export interface PageJob {
  file: string;
  path: string;
  slug: string;
  /** The source as last built; a read with the same hash is not rendered. Absent when it must build. */
  previous?: SourceStamp;
}

/** What a job did: the source's state, and the page when it was built. */
export interface PageJobResult {
  file: string;
  /** `unchanged`: same hash as `previous` (a fresh clone's new mtime); `read`: parsed (and, when it parsed, built). */
  source: { kind: 'unchanged' | 'read'; stamp: SourceStamp } | { kind: 'unreadable' };
  diagnostics: Diagnostic[];
  /** Absent when the post did not parse: nothing was written. */
  page?: { title: string; topic: string; date: string; summary: string; similar: string[]; outputs: OutputRecord[]; topicSlug: string };
}

/** What every job of a build shares. */
export interface PageContext {
  write: FileWriter;
  /** The hash of the settings, mixed into each source's hash: other settings rebuild every post. */
  settingsHash: string;
  settings: PageSettings;
  engine: CacheRulesEngine | undefined;
  routes: SiteRoutes;
  strict: boolean;
  lint: boolean;
  /** Every post's slug by title, for the `Similar Posts` links; set for each run. */
  titles: TitleIndex;
  /**
   * Each topic's slug as the run starts (the last build's), for the posts' topic keys. A topic not
   * in it is taken at its own slug; a post whose topic ends the run under another slug (it lost a
   * collision) is built again with the final ones.
   */
  topicSlugs: ReadonlyMap<string, string>;
}

/**
 * Reads one post (on the thread that renders it, so its text never crosses threads), and when
 * its hash changed parses, renders and writes its files. It removes nothing: what a run no longer
 * needs is removed once all of its writes are done, so no job can delete a file that another job
 * (a post that took over a freed slug) has just written.
 */
export function runPageJob(job: PageJob, context: PageContext): PageJobResult {
  let source;
  try {
    source = readSource(job.path, context.settingsHash);
  } catch (error) {
    return { file: job.file, source: { kind: 'unreadable' }, diagnostics: [readFailureDiagnostic(job.file, error)] };
  }
  const { stamp, text } = source;
  if (job.previous?.hash === stamp.hash) return { file: job.file, source: { kind: 'unchanged', stamp }, diagnostics: [] };
  const { post, diagnostics } = readPost(text, job.file, context.strict, context.lint);
  if (!post) return { file: job.file, source: { kind: 'read', stamp }, diagnostics };
  const links = similarLinks(post.similar, job.slug, context.titles, context.routes);
  const topicSlug = context.topicSlugs.get(post.meta.topic) ?? slugify(post.meta.topic);
  const keyed = postForKeys(post, topicSlug);
  const outputs = renderPostPage(post, job.slug, context.routes, context.settings, links).map((output) => {
    context.write(output.file, output.content);
    return { url: output.url, file: output.file, hash: contentHash(output.content), keys: context.engine ? context.engine.keysFor(output.url, keyed) : [] };
  });
  // The manifest keeps these for the run (and a dev server's for its life): on the main thread
  // they would otherwise keep the post's whole text alive (a worker's result is copied anyway).
  const { title, meta } = post;
  const page = { title: detachedString(title), topic: detachedString(meta.topic), date: detachedString(meta.revision.lastReviewed), summary: detachedString(meta.summary), similar: post.similar.map(titleKey), outputs, topicSlug };
  return { file: job.file, source: { kind: 'read', stamp }, diagnostics, page };
}
