import type { CompiledRulesJson } from '@alphanode/cache-rules';
import type { Post } from '@alphanode/parser';

/** A fingerprinted file served under `/assets/`: its content hash is in its name, so it never changes. */
export interface Asset {
  /** The URL path, e.g. `/assets/site.3f9a1c0b.css`. */
  path: string;
  contentType: string;
  body: string;
}

/** One post as the worker serves it: the slug its URL uses, the file it came from, the parsed post. */
export interface SitePost {
  slug: string;
  file: string;
  post: Post;
}

/**
 * Everything the worker serves, made at build time by `build-posts.ts`: an edge runtime has no file
 * system, so the posts, the rules and the assets travel inside the bundle.
 */
export interface SiteData {
  siteName: string;
  /**
   * The rules file, compiled at build time by `compileRulesToJson` and loaded once per isolate by
   * `loadCompiledRulesOrThrow`, so the worker reads no YAML and ships no zod. Null when the file did
   * not compile (the build reported why and failed).
   */
  rules: CompiledRulesJson | null;
  /** Sorted by slug. */
  posts: SitePost[];
  assets: Asset[];
}
