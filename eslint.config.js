import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Code that must run on edge runtimes (workerd, Deno, Vercel edge): Web APIs only. The library
// packages, the CLI's generator subpath, and the edge example's worker.
const runtimeSources = [
  'packages/parser/src/**/*.ts',
  'packages/cache-rules/src/**/*.ts',
  'packages/renderer/src/**/*.ts',
  'packages/site/src/**/*.ts',
  'packages/cli/src/generate/**/*.ts',
  'examples/edge/src/**/*.ts',
];
// Entry points named for Node, build-time scripts, and tests, may use Node.
const nodeSources = [
  'packages/*/src/node/**',
  'packages/*/src/express/**',
  'packages/site/src/build/**',
  'packages/*/src/**/*.test.ts',
  'examples/edge/src/build-posts.ts',
  'examples/edge/src/bundle-worker.ts',
  'examples/edge/src/**/*.test.ts',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.toolchain/**', 'coverage/**', '.bench-corpus/**', '.tmp/**', '**/.snippets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always', { null: 'never' }],
    },
  },
  {
    files: runtimeSources,
    ignores: nodeSources,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'runtime packages are edge-safe: Node APIs only in entry points named for Node (src/node/).' }] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename', 'setImmediate'],
      'no-console': 'error',
    },
  },
);
