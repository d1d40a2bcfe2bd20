// The types of `#site-data`, the module `pnpm build` writes to generated/site-data.js (gitignored).
// package.json's `imports` sends TypeScript here and every runtime and bundler to the generated file,
// so the worker typechecks on a fresh clone before anything is built.
import type { SiteData } from './site-data.ts';

declare const siteData: SiteData;
export default siteData;
