/**
 * The file in the out dir where a build records what it wrote, for the next run to skip, remove and
 * purge by, and for a server to find the site's files and keys. Its own module, free of Node
 * imports, so that the edge-safe site handler can name it without pulling in the build.
 */
export const MANIFEST_FILE = 'manifest.json';
