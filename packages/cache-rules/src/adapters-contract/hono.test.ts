import { createAdaptorServer } from '@hono/node-server';
import type { Post } from '@alphanode/parser';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import type { Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { cacheRules } from '../hono/cache-rules-middleware.ts';
import { bodyFor, engine, handlerHeaders, TARGETS, type HandlerScript } from './contract-cases.ts';
import { describeAdapterContract } from './describe-adapter-contract.ts';
import { close, listen, send, servedFrom } from './node-client.ts';

const FORMS = ["c.header('Set-Cookie', v, { append: true })", 'setCookie (hono/cookie)', 'returned Response with Set-Cookie lines', 'c.res.headers.append after c.body'] as const;

type AppEnv = { Variables: { post: Post | undefined; script: HandlerScript } };

let script: HandlerScript;

function app(): Hono<AppEnv> {
  const hono = new Hono<AppEnv>();
  const byTarget = new Map(TARGETS.map((target) => [target, cacheRules<AppEnv>(engine, { target, post: (c) => c.get('post') })]));
  hono.use((c, next) => {
    c.set('script', script);
    return byTarget.get(script.target)!(c, next);
  });
  hono.all('*', (c) => {
    const { cookies, status } = c.get('script');
    c.set('post', script.post);
    const body = bodyFor(status);
    const others = handlerHeaders(script);
    const form = cookies.length === 0 ? FORMS[0] : script.cookieForm;
    if (form === 'returned Response with Set-Cookie lines') {
      return new Response(body, { status, headers: [...others, ...cookies.map((cookie): [string, string] => ['Set-Cookie', cookie])] });
    }
    for (const [name, value] of others) c.header(name, value);
    if (form === FORMS[0]) for (const cookie of cookies) c.header('Set-Cookie', cookie, { append: true });
    if (form === 'setCookie (hono/cookie)') {
      for (const cookie of cookies) {
        const eq = cookie.indexOf('=');
        setCookie(c, cookie.slice(0, eq), cookie.slice(eq + 1));
      }
    }
    const response = body == null ? c.body(null, status as StatusCode) : c.body(body, status as ContentfulStatusCode);
    if (form === 'c.res.headers.append after c.body') for (const cookie of cookies) c.res.headers.append('Set-Cookie', cookie);
    return response;
  });
  return hono;
}

const inProcess = app();
describeAdapterContract(
  'Hono (app.request)',
  async (handler, request) => {
    script = handler;
    return servedFrom(await inProcess.request(`http://127.0.0.1${request.path}`, { method: request.method, headers: request.headers.map(([k, v]): [string, string] => [k, v]) }));
  },
  { setCookieForms: FORMS },
);

let server: Server;
let port = 0;
beforeAll(async () => {
  server = createAdaptorServer({ fetch: app().fetch }) as Server;
  port = await listen(server);
});
afterAll(() => close(server));

describeAdapterContract(
  'Hono (through @hono/node-server)',
  async (handler, request) => {
    script = handler;
    return send(port, request);
  },
  { setCookieForms: FORMS },
);
