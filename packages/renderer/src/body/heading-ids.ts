const NOT_SLUG = /[^a-z0-9]+/g;
const MAX_SLUG = 60;

// Generated posts reuse a few headings (`final notes`), so slugs are worth remembering.
const slugs = new Map<string, string>();

function baseId(text: string): string {
  let base = slugs.get(text);
  if (base !== undefined) return base;
  let slug = text.toLowerCase().replace(NOT_SLUG, '-');
  if (slug.length > MAX_SLUG) slug = slug.slice(0, MAX_SLUG);
  slug = slug.replace(/^-+|-+$/g, '');
  base = slug === '' ? 'section' : `section-${slug}`;
  if (slugs.size < 1024) slugs.set(text, base);
  return base;
}

/**
 * Stable ids for section headings: `section-` + the heading as ASCII kebab case, numbered from the
 * second use on. The prefix keeps a heading from taking an id the page needs (`post-meta-title`)
 * or clobbering a global (`id="alert"` would become `window.alert` where none exists); ids are
 * ASCII letters, digits and `-` so every validator and CSS selector accepts them.
 */
export function createHeadingIds(): (text: string) => string {
  const used = new Map<string, number>();
  return (text) => {
    const base = baseId(text);
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}
