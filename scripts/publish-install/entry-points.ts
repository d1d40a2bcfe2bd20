export interface EntryPoint {
  /** What a user writes: `@alphanode/parser`, `@alphanode/parser/node`, `@alphanode/parser/post.schema.json`. */
  specifier: string;
  /**
   * `json` for a subpath that maps straight to a `.json` file (a schema, `./package.json`); `file`
   * for one that maps straight to another file a tool reads by path (`@alphanode/renderer/theme.css`).
   */
  kind: 'js' | 'json' | 'file';
}

interface Manifest {
  name: string;
  exports?: unknown;
}

function isSubpathMap(exports: unknown): exports is Record<string, unknown> {
  return typeof exports === 'object' && exports != null && Object.keys(exports).every((key) => key.startsWith('.'));
}

/**
 * Every entry point a package's `exports` map offers, read from the manifest as published, so that a
 * subpath added tomorrow is covered without editing this test.
 */
export function entryPoints(manifest: Manifest): EntryPoint[] {
  if (manifest.exports === undefined) return [{ specifier: manifest.name, kind: 'js' }];
  const map = isSubpathMap(manifest.exports) ? manifest.exports : { '.': manifest.exports };
  const entries: EntryPoint[] = [];
  for (const [subpath, target] of Object.entries(map)) {
    // A null target hides a subpath; it is no entry point.
    if (target == null) continue;
    if (subpath.includes('*')) throw new Error(`${manifest.name}: the exports pattern "${subpath}" cannot be listed; teach scripts/publish-install/entry-points.ts to expand it`);
    const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    const file = typeof target === 'string' && !/\.[cm]?js$/.test(target);
    entries.push({ specifier, kind: file ? (target.endsWith('.json') ? 'json' : 'file') : 'js' });
  }
  return entries;
}
