import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'express/index': 'src/express/index.ts',
    'fetch/index': 'src/fetch/index.ts',
    'hono/index': 'src/hono/index.ts',
    'purge/index': 'src/purge-clients/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // zod is a peer: bundling a second copy breaks schema composition and its metadata registry.
  // hono is an optional peer, and the Hono adapter imports only its types: it must never be bundled.
  external: ['zod', 'hono'],
});
