import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureIo, tempDir } from '../../test/helpers.ts';
import { runCli } from '../run-cli.ts';

const PLAN = { urls: ['/', '/posts/hello', '/posts/hello.json'], keys: ['post-hello'], urlsWithoutKey: ['/'] };
const CREDENTIALS = ['FASTLY_SERVICE_ID', 'FASTLY_API_TOKEN', 'FASTLY_TOKEN', 'NETLIFY_SITE_ID', 'SITE_ID', 'NETLIFY_PURGE_API_TOKEN', 'NETLIFY_AUTH_TOKEN', 'SITE_URL', 'VARNISH_URL'];

let dir = '';
let cleanup = async () => {};
// A stand-in Varnish: answers PURGE as the example VCL does, or as told.
let varnish: Server;
let varnishUrl = '';
let answer: { status: number; body: string } | undefined;
const received: { method: string; url: string; headers: Record<string, string | string[] | undefined> }[] = [];

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeFile(path.join(dir, 'purge-plan.json'), JSON.stringify(PLAN));
  await writeFile(path.join(dir, 'bad-plan.json'), JSON.stringify({ urls: '/' }));
  varnish = createServer((req, res) => {
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const keys = req.headers['xkey-purge'] ?? req.headers['xkey-softpurge'];
    const reply = answer ?? { status: 200, body: typeof keys === 'string' ? `Invalidated ${keys.split(' ').length} objects\n` : 'Purged\n' };
    res.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body);
  });
  await new Promise<void>((resolve) => varnish.listen(0, '127.0.0.1', resolve));
  varnishUrl = `http://127.0.0.1:${(varnish.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await cleanup();
  await new Promise((resolve) => varnish.close(resolve));
});
afterEach(() => {
  vi.unstubAllEnvs();
  received.splice(0);
  answer = undefined;
});

function env(values: Record<string, string>): void {
  for (const name of CREDENTIALS) vi.stubEnv(name, undefined);
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
}

describe('alphanode purge', () => {
  it('sends the plan to Varnish: the keys in xkey-purge, then each URL no key reaches', async () => {
    env({ VARNISH_URL: varnishUrl });
    const io = captureIo(dir);
    expect(await runCli(['purge', 'purge-plan.json', '--target', 'varnish'], io)).toBe(0);
    expect(received.map((r) => [r.method, r.url, r.headers['xkey-purge']])).toEqual([
      ['PURGE', '/', 'post-hello'],
      ['PURGE', '/', undefined],
    ]);
    expect(io.out()).toBe(`varnish: purge (hard): 1 key, 1 URL in 2 requests\n  200 PURGE ${varnishUrl}/\n  200 PURGE ${varnishUrl}/\n`);
    expect(io.err()).toBe('');
  });

  it('purges soft with --soft, and prints the whole result with --json', async () => {
    env({ VARNISH_URL: varnishUrl });
    const io = captureIo(dir);
    expect(await runCli(['purge', 'purge-plan.json', '--target', 'varnish', '--soft', '--json'], io)).toBe(0);
    const result = JSON.parse(io.out());
    expect(result).toMatchObject({ ok: true, purger: 'varnish', soft: true, dryRun: false, failures: [] });
    expect(result.notices.map((n: { code: string }) => n.code)).toEqual(['hard-url-purge']);
    expect(received[0]?.headers['xkey-softpurge']).toBe('post-hello');
  });

  it('dry-runs without credentials: prints each request, masks secrets, sends nothing', async () => {
    env({ FASTLY_API_TOKEN: 'secret-token', SITE_URL: 'https://www.example.com' });
    const io = captureIo(dir);
    expect(await runCli(['purge', 'purge-plan.json', '--target', 'fastly', '--dry-run'], io)).toBe(0);
    expect(io.out()).toBe(
      [
        'fastly: dry run, nothing sent (hard): 1 key, 1 URL in 2 requests',
        '  POST https://api.fastly.com/service/%24FASTLY_SERVICE_ID/purge',
        '      fastly-key: [redacted]',
        '      accept: application/json',
        '      content-type: application/json',
        '      {"surrogate_keys":["post-hello"]}',
        '  POST https://api.fastly.com/purge/www.example.com/',
        '      fastly-key: [redacted]',
        '      accept: application/json',
        '',
      ].join('\n'),
    );
    expect(io.err()).toBe('note: FASTLY_SERVICE_ID not set: shown as $NAME in the dry run\n');
    expect(io.out()).not.toContain('secret-token');
  });

  it('warns where the CDN cannot do what the plan asks (Netlify has no purge by URL)', async () => {
    env({ NETLIFY_SITE_ID: 'site', NETLIFY_PURGE_API_TOKEN: 'token' });
    const io = captureIo(dir);
    expect(await runCli(['purge', 'purge-plan.json', '--target', 'netlify', '--dry-run', '--soft'], io)).toBe(0);
    expect(io.err()).toMatch(/^warning soft-unsupported: netlify has no soft purge/m);
    expect(io.err()).toMatch(/^warning urls-not-purged: netlify purges by tag only: 1 URL no planned key reaches/m);
  });

  it('exits 1 when the CDN refuses, and 75 when it cannot be reached (run again later)', async () => {
    env({ VARNISH_URL: varnishUrl });
    answer = { status: 403, body: 'Forbidden' };
    const refused = captureIo(dir);
    expect(await runCli(['purge', 'purge-plan.json', '--target', 'varnish'], refused)).toBe(1);
    expect(refused.out()).toContain(`  403 PURGE ${varnishUrl}/\n  not sent PURGE ${varnishUrl}/\n`);
    expect(refused.err()).toBe(`error rejected: varnish: PURGE ${varnishUrl}/ answered 403: Forbidden; the 1 request after it was not sent\n`);

    vi.stubEnv('VARNISH_URL', 'http://127.0.0.1:9');
    const down = captureIo(dir);
    expect(await runCli(['purge', 'purge-plan.json', '--target', 'varnish', '--max-attempts', '1'], down)).toBe(75);
    expect(down.err()).toMatch(/^error unreachable: varnish: could not reach http:\/\/127\.0\.0\.1:9 \(.*\) in 1 attempts; the 1 request after it was not sent \(retryable: run the same plan again later\)$/m);
  });

  it('says what is wrong: the command line, the plan, the credentials', async () => {
    env({});
    const io = captureIo(dir);
    expect(await runCli(['purge', 'purge-plan.json'], io)).toBe(2);
    expect(io.err()).toMatch(/^alphanode purge: expected --target$/m);
    expect(await runCli(['purge', 'purge-plan.json', '--target', 'bunny'], io)).toBe(2);
    expect(await runCli(['purge', 'purge-plan.json', '--target', 'varnish', '--max-attempts', '0'], io)).toBe(2);
    expect(await runCli(['purge', 'bad-plan.json', '--target', 'varnish'], io)).toBe(1);
    expect(io.err()).toMatch(/^alphanode purge: bad-plan.json: "urls" and "keys" must be lists of strings$/m);
    expect(await runCli(['purge', 'missing.json', '--target', 'varnish'], io)).toBe(1);
    const creds = captureIo(dir);
    expect(await runCli(['purge', 'purge-plan.json', '--target', 'fastly'], creds)).toBe(2);
    expect(creds.err()).toBe('alphanode purge: fastly needs FASTLY_SERVICE_ID, FASTLY_API_TOKEN (or FASTLY_TOKEN) in the environment (--dry-run shows the requests without them)\n');
    const help = captureIo(dir);
    expect(await runCli(['purge', '--help'], help)).toBe(0);
    expect(help.out()).toMatch(/^ {2}akamai {5}AKAMAI_HOST, AKAMAI_CLIENT_TOKEN, AKAMAI_CLIENT_SECRET, AKAMAI_ACCESS_TOKEN, AKAMAI_NETWORK \(optional\), SITE_URL \(optional\)$/m);
  });
});
