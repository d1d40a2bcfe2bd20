import { page, type Page } from './site.ts';

const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' };

// `name.<8+ hex>.ext`: the hash in the name is what makes `immutable` safe, so only such files are served.
const FINGERPRINTED = /^[a-z0-9-]+\.([0-9a-f]{8,})(\.[a-z0-9]+)$/;

/** Fingerprinted assets by file name; a file without a content hash in its name is refused. */
export function createAssets(files: Record<string, string>): { assets: Map<string, Page>; refused: string[] } {
  const assets = new Map<string, Page>();
  const refused: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const match = FINGERPRINTED.exec(name);
    const type = match ? TYPES[match[2] as string] : undefined;
    if (type === undefined) refused.push(name);
    else assets.set(name, page(text, type));
  }
  return { assets, refused };
}
