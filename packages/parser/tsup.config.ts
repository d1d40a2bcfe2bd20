import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts', 'schema/index': 'src/schema/index.ts', 'json-schema/index': 'src/json-schema/index.ts' },
  format: ['esm', 'cjs'],
  // Shared chunks in CommonJS too: without them `schema` and `json-schema` would each carry their
  // own copy of the zod schemas, two objects per schema under one registry id.
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // zod is a peer: bundling a second copy breaks schema composition and its metadata registry.
  external: ['zod'],
});
