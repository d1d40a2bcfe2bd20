import { registerHooks } from 'node:module';

// vitest hands its resolve conditions (which include `import`) to its worker threads as
// `--conditions`, so even a CommonJS `require('is-promise')` inside Express 5's router picks the
// package's ESM build and gets a namespace object: every route then fails with "isPromise is not a
// function" after it ran. Plain `node` is unaffected. Import this first in a test that loads Express.
registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    if (specifier === 'is-promise' && resolved.url.endsWith('/is-promise/index.mjs')) {
      return { ...resolved, url: resolved.url.replace(/index\.mjs$/, 'index.js'), format: 'commonjs' };
    }
    return resolved;
  },
});
