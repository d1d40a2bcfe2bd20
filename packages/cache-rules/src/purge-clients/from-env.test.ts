import { describe, expect, it } from 'vitest';
import { purgerFromEnv, PURGE_ENV } from './from-env.ts';
import { PURGE_TARGETS } from './types.ts';

const plan = { keys: ['post-a'], urls: ['/posts/a', '/'], urlsWithoutKey: ['/'] };

describe('purgerFromEnv', () => {
  it('builds each target from its variables, and names the ones missing', () => {
    expect(purgerFromEnv('fastly', {})).toEqual({ ok: false, message: 'fastly needs FASTLY_SERVICE_ID, FASTLY_API_TOKEN (or FASTLY_TOKEN)', missing: ['FASTLY_SERVICE_ID', 'FASTLY_API_TOKEN (or FASTLY_TOKEN)'] });
    expect(purgerFromEnv('akamai', { AKAMAI_HOST: 'akab-x.luna.akamaiapis.net' })).toMatchObject({ ok: false, missing: ['AKAMAI_CLIENT_TOKEN', 'AKAMAI_CLIENT_SECRET', 'AKAMAI_ACCESS_TOKEN'] });
    expect(purgerFromEnv('cloudflare', { CLOUDFLARE_ZONE_ID: 'z', CLOUDFLARE_API_TOKEN: 't', CLOUDFLARE_PLAN: 'gold' })).toMatchObject({ ok: false, message: 'CLOUDFLARE_PLAN must be free, pro, business or enterprise; found "gold"' });
    const varnish = purgerFromEnv('varnish', {});
    expect(varnish.ok && varnish.purger.name).toBe('varnish');
    for (const target of PURGE_TARGETS) expect(Object.keys(PURGE_ENV[target]).length).toBeGreaterThan(0);
  });

  it('reads the first of a setting\'s names that is set, and SITE_URL for purges by URL', async () => {
    const made = purgerFromEnv('fastly', { FASTLY_SERVICE_ID: 'svc', FASTLY_TOKEN: 'old-name', SITE_URL: 'https://www.example.com' });
    if (!made.ok) throw new Error(made.message);
    const result = await made.purger.purge(plan, { dryRun: true });
    expect(result.requests.map((r) => r.url)).toEqual(['https://api.fastly.com/service/svc/purge', 'https://api.fastly.com/purge/www.example.com/']);
  });

  it('with allowMissing, puts $NAME where a credential is missing, for a dry run without secrets', async () => {
    const made = purgerFromEnv('vercel', { VERCEL_TEAM_ID: 'team_1' }, { allowMissing: true });
    expect(made).toMatchObject({ ok: true, missing: ['VERCEL_PROJECT_ID', 'VERCEL_TOKEN'] });
    if (!made.ok) return;
    const result = await made.purger.purge(plan, { dryRun: true, soft: true });
    expect(result.requests.map((r) => r.url)).toEqual(['https://api.vercel.com/v1/edge-cache/invalidate-by-tags?projectIdOrName=%24VERCEL_PROJECT_ID&teamId=team_1']);
  });
});
