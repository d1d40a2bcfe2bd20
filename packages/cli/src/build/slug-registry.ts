import { shortHash, slugify } from './site-paths.ts';

/**
 * Gives every source file a slug that stays its own: the title's slug when free, else the title's
 * slug and a hash of the file path. A file keeps the slug it had in an earlier build, so adding a
 * post never renames another one's page.
 */
export interface SlugRegistry {
  slugFor(file: string, title: string): string;
  release(file: string): void;
}

export function createSlugRegistry(previous: Iterable<{ file: string; slug: string }>): SlugRegistry {
  const bySlug = new Map<string, string>();
  const byFile = new Map<string, string>();
  for (const { file, slug } of previous) {
    bySlug.set(slug, file);
    byFile.set(file, slug);
  }
  return {
    slugFor(file, title) {
      const base = slugify(title);
      const kept = byFile.get(file);
      if (kept !== undefined && (kept === base || kept.startsWith(`${base}-`))) return kept;
      if (kept !== undefined) bySlug.delete(kept);
      const owner = bySlug.get(base);
      const slug = owner === undefined || owner === file ? base : `${base}-${shortHash(file)}`;
      bySlug.set(slug, file);
      byFile.set(file, slug);
      return slug;
    },
    release(file) {
      const slug = byFile.get(file);
      if (slug === undefined) return;
      byFile.delete(file);
      if (bySlug.get(slug) === file) bySlug.delete(slug);
    },
  };
}
