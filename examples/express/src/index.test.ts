import { expect, it } from 'vitest';
import * as example from './index.ts';

// What a team copies from: a change to this list is a change to the example's documented surface.
it('exports the app factory, the purgers and the Varnish harness by name', () => {
  expect(Object.keys(example).sort()).toEqual([
    'DEFAULT_VCL',
    'cloudflarePurger',
    'createApp',
    'deferContinue',
    'dryRunPurger',
    'fastlyPurger',
    'findVarnishd',
    'freePort',
    'purgerFromEnv',
    'startVarnish',
    'varnishPurger',
  ]);
});
