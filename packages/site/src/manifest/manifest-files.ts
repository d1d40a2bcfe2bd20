/** The build's record of the site in its out dir: every post's outputs, the listings, the topic slugs. */
export const MANIFEST_FILE = 'manifest.json';

/**
 * What the runs since `manifest.json` was last written changed, one JSON line per run: a run
 * that changes one post appends a few hundred bytes instead of rewriting the whole manifest.
 * Folded back into `manifest.json` once it grows past a quarter of it.
 */
export const MANIFEST_JOURNAL_FILE = 'manifest.journal';
