import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'express/index': 'src/express/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // zod is a peer: bundling a second copy breaks schema composition and its metadata registry.
  external: ['zod'],
});
