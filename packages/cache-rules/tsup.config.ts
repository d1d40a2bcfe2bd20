import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'compile/index': 'src/compile/index.ts',
    'json-schema/index': 'src/json-schema/index.ts',
    'express/index': 'src/express/index.ts',
    'fetch/index': 'src/fetch/index.ts',
    'hono/index': 'src/hono/index.ts',
    'purge/index': 'src/purge-clients/index.ts',
    'verify/index': 'src/verify/index.ts',
  },
  format: ['esm', 'cjs'],
  // Shared chunks in CommonJS too, so that the main entry and `compile` hold one CacheRulesError
  // class (`instanceof` works across them) rather than a copy each.
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // zod is a peer: bundling a second copy breaks schema composition and its metadata registry.
  // hono is an optional peer, and the Hono adapter imports only its types: it must never be bundled.
  external: ['zod', 'hono'],
});
