import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The build's worker thread is its own file, loaded by path beside dist/index.js.
    entry: { index: 'src/index.ts', generate: 'src/generate/index.ts', 'build/render-worker': 'src/build/render-worker.ts' },
    format: ['esm', 'cjs'],
    shims: true,
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
