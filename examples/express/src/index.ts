/**
 * @module The Express example: `createApp` and the purgers its admin route sends plans to.
 */
export { createApp, type AppOptions, type ExampleApp } from './create-app.ts';
export { deferContinue } from './admin/request-body.ts';
export type { Purger, PurgeTargets, PurgeResult, PurgeFailure, PurgeRequestSummary, PurgeResponseSummary, Fetch } from './purgers/purger.ts';
export { fastlyPurger, type FastlyPurgerOptions } from './purgers/fastly.ts';
export { cloudflarePurger, type CloudflarePurgerOptions } from './purgers/cloudflare.ts';
export { varnishPurger, type VarnishPurgerOptions } from './purgers/varnish.ts';
export { dryRunPurger } from './purgers/dry-run.ts';
export { purgerFromEnv } from './purgers/purger-from-env.ts';
export { startVarnish, findVarnishd, freePort, DEFAULT_VCL, type RunningVarnish, type StartVarnishOptions } from './varnish/start-varnish.ts';
