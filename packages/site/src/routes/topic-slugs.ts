import { assignSlugs, type SlugAssignment } from './assign-slugs.ts';
import { slugify } from './slugify.ts';

/**
 * Slugs for topic names, by the same rules as posts: "caching / go" and "caching: go" both slugify
 * to `caching-go`, so the smaller name takes it and the other gets a suffix; the collision is in
 * the result, for the build to report. A topic keeps its slug across builds through `previous`.
 *
 * @example
 * assignTopicSlugs(['caching / go', 'caching: go']).slugs.get('caching: go'); // 'caching-go-<hash>'
 */
export function assignTopicSlugs(names: Iterable<string>, previous?: ReadonlyMap<string, string>): SlugAssignment {
  const claims = [...new Set(names)].map((name) => ({ id: name, base: slugify(name) }));
  return assignSlugs(claims, previous);
}
