import { createServer, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../test/load-fixture.ts';
import { TARGETS, type TargetName } from '../targets/target-profiles.ts';
import { cacheRulesMiddleware } from './cache-rules-middleware.ts';

// Every way Node lets a handler put a Set-Cookie on a response. The middleware must see each one:
// a cookie it misses is a session a shared cache hands to the next visitor.
const FORMS = [
  'setHeader',
  'appendHeader',
  'setHeaders(Headers)',
  'setHeaders(Map)',
  'writeHead(object)',
  'writeHead(flat array)',
  'writeHead(pairs)',
  'writeHead(message, object)',
  'writeHead(message, flat array)',
  'writeHead(message, pairs)',
] as const;
type Form = (typeof FORMS)[number];

interface Plan {
  form: Form;
  name: string;
  cookies: string[];
  status: number;
  /** What a careless handler also sets: a public Cache-Control the rules must replace. */
  handlerCacheControl: boolean;
}

function respond(res: ServerResponse, plan: Plan): void {
  const { form, name, cookies, status } = plan;
  const others: Array<[string, string]> = [['Content-Type', 'text/html']];
  if (plan.handlerCacheControl) others.push(['Cache-Control', 'public, max-age=86400']);
  const head = (headers: OutgoingHttpHeaders | unknown[] | undefined, message?: string) => {
    const write = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    if (message === undefined) write(status, headers);
    else write(status, message, headers);
  };
  const object = (): OutgoingHttpHeaders => ({ ...Object.fromEntries(others), [name]: cookies });
  const flat = (): string[] => [...others.flat(), ...cookies.flatMap((cookie) => [name, cookie])];
  const pairs = (): Array<[string, string]> => [...others, ...cookies.map((cookie): [string, string] => [name, cookie])];
  switch (form) {
    case 'setHeader':
      res.setHeader(name, cookies);
      for (const [k, v] of others) res.setHeader(k, v);
      head(undefined);
      break;
    case 'appendHeader':
      for (const cookie of cookies) res.appendHeader(name, cookie);
      for (const [k, v] of others) res.setHeader(k, v);
      head(undefined);
      break;
    case 'setHeaders(Headers)':
      res.setHeaders(new Headers(pairs()));
      head(undefined);
      break;
    case 'setHeaders(Map)':
      res.setHeaders(new Map<string, string | string[]>([...others, [name, cookies]]));
      head(undefined);
      break;
    case 'writeHead(object)':
      head(object());
      break;
    case 'writeHead(flat array)':
      head(flat());
      break;
    case 'writeHead(pairs)':
      head(pairs());
      break;
    case 'writeHead(message, object)':
      head(object(), 'Fine');
      break;
    case 'writeHead(message, flat array)':
      head(flat(), 'Fine');
      break;
    case 'writeHead(message, pairs)':
      head(pairs(), 'Fine');
      break;
  }
  res.end('body');
}

// A response a shared cache may store, in any target's spelling.
function sharedBy(headers: Headers): string | undefined {
  const cacheControl = headers.get('cache-control') ?? '';
  if (!/\b(private|no-store)\b/.test(cacheControl)) return `cache-control: ${cacheControl}`;
  for (const field of ['cdn-cache-control', 'cloudflare-cdn-cache-control', 'netlify-cdn-cache-control', 'vercel-cdn-cache-control', 'surrogate-control']) {
    const value = headers.get(field);
    if (value != null && !/\b(private|no-store)\b/.test(value)) return `${field}: ${value}`;
  }
  const edge = headers.get('edge-control');
  if (edge != null && !/^no-store\b/.test(edge)) return `edge-control: ${edge}`;
  return undefined;
}

let plan: Plan;
let server: Server;
let base = '';
const engine = fixtureEngine();
const middlewares = new Map(TARGETS.map((target) => [target, cacheRulesMiddleware(engine, { target })]));

beforeAll(async () => {
  server = createServer((req, res) => {
    const target = req.headers['x-target'] as TargetName;
    middlewares.get(target)!(req, res, () => respond(res, plan));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const cookieName = fc.constantFrom('Set-Cookie', 'set-cookie', 'SET-COOKIE', 'sEt-CoOkIe');
const cookieValue = fc.stringMatching(/^[a-z]{1,8}=[A-Za-z0-9]{0,12}$/);

describe('no Set-Cookie form lets the Express middleware share a response', () => {
  it('on the wire, every cookie-setting response is private or no-store for every target', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          form: fc.constantFrom(...FORMS),
          name: cookieName,
          cookies: fc.array(cookieValue, { minLength: 1, maxLength: 3 }),
          status: fc.constantFrom(200, 203, 204, 301, 404, 410),
          handlerCacheControl: fc.boolean(),
        }),
        fc.constantFrom(...TARGETS),
        fc.constantFrom('/posts/hello', '/topics/perf', '/assets/app.1.css', '/'),
        async (drawn, target, path) => {
          plan = drawn;
          const response = await fetch(`${base}${path}`, { headers: { 'x-target': target } });
          await response.arrayBuffer();
          expect(response.headers.getSetCookie()).toEqual(drawn.cookies);
          expect(sharedBy(response.headers)).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each(FORMS)('%s: the rule the response would otherwise get is replaced, not merged', async (form) => {
    plan = { form, name: 'Set-Cookie', cookies: ['session=1'], status: 200, handlerCacheControl: true };
    const response = await fetch(`${base}/assets/app.1.css`, { headers: { 'x-target': 'fastly' } });
    await response.arrayBuffer();
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('surrogate-control')).toBeNull();
    expect(response.headers.get('surrogate-key')).toBeNull();
  });

  it('keeps Node\'s refusal of an odd-length flat header list', async () => {
    const bare = createServer((req, res) => {
      cacheRulesMiddleware(engine, { target: 'fastly' })(req, res, () => {
        try {
          (res.writeHead as (...args: unknown[]) => ServerResponse)(200, ['Set-Cookie']);
          res.end('sent');
        } catch (error) {
          res.statusCode = 500;
          res.end((error as Error).name);
        }
      });
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const response = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`);
    expect([response.status, await response.text()]).toEqual([500, 'TypeError']);
    await new Promise<void>((resolve) => bare.close(() => resolve()));
  });
});
