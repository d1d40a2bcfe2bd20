import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript source through the `@alphanode/source` export
// condition, so tests never need a build first. Vite's default server conditions follow (its
// `defaultServerConditions`); `import` must not be among them: vitest passes these to Node as
// --conditions, where `import` would make a CommonJS require() inside a dependency (Express 5's
// router requiring is-promise) load the ESM build.
const conditions = ['@alphanode/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@alphanode/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'bench/**/*.test.ts', 'examples/*.test.ts', 'examples/*/src/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'docs/**/*.test.ts', 'scripts/*.test.ts', 'scripts/publish-install/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    restoreMocks: true,
    testTimeout: 30_000,
    pool: 'threads',
  },
});
