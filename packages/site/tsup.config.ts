import { defineConfig } from 'tsup';

export default defineConfig({
  // The build's worker thread is its own file, loaded by path beside dist/node/index.js.
  entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts', 'node/render-worker': 'src/build/render-worker.ts' },
  format: ['esm', 'cjs'],
  shims: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['zod'],
});
