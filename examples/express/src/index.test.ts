import { expect, it } from 'vitest';
import * as example from './index.ts';

// What a team copies from: a change to this list is a change to the example's documented surface.
// The purgers themselves come from @alphanode/cache-rules/purge; the example only picks one from the environment.
it('exports the app factory, the purger wiring and the Varnish harness by name', () => {
  expect(Object.keys(example).sort()).toEqual(['DEFAULT_VCL', 'createApp', 'deferContinue', 'findVarnishd', 'freePort', 'purgerFromEnv', 'startVarnish']);
});
