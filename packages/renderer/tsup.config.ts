import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', theme: 'src/theme/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // The parser is a dependency in its own right: bundling it would ship a second copy of zod's schemas.
  external: ['@alphanode/parser'],
});
