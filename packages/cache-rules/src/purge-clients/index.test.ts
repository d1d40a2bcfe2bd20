import { expect, it } from 'vitest';
import * as purge from './index.ts';

// The public surface of `@alphanode/cache-rules/purge`, pinned: a change here is an API change and needs a changeset.
it('exports one client per target, the dry-run wrapper, the env reader and the EdgeGrid signer', () => {
  expect(Object.keys(purge).sort()).toEqual([
    'PURGE_ENV',
    'PURGE_TARGETS',
    'akamaiPurger',
    'cloudflarePurger',
    'dryRunPurger',
    'edgeGridSigner',
    'fastlyPurger',
    'isPurgeTarget',
    'netlifyPurger',
    'purgerFromEnv',
    'retryAfterMs',
    'varnishPurger',
    'vercelPurger',
  ]);
});
