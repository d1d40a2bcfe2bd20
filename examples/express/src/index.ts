/**
 * @module The Express example: `createApp`, and `purgerFromEnv`, which picks the purger
 * (`@alphanode/cache-rules/purge`) its admin route sends plans to.
 */
export { createApp, type AppOptions, type ExampleApp } from './create-app.ts';
export { deferContinue } from './admin/request-body.ts';
export { purgerFromEnv } from './purgers/purger-from-env.ts';
export { startVarnish, findVarnishd, freePort, DEFAULT_VCL, type RunningVarnish, type StartVarnishOptions } from './varnish/start-varnish.ts';
