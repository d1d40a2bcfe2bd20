import { createServer, type OutgoingHttpHeaders, type Server } from 'node:http';
import express, { type Request, type Response } from 'express';
import { afterAll, beforeAll } from 'vitest';
import { cacheRulesMiddleware } from '../express/cache-rules-middleware.ts';
import { bodyFor, engine, handlerHeaders, TARGETS, type HandlerScript } from './contract-cases.ts';
import { describeAdapterContract } from './describe-adapter-contract.ts';
import { close, listen, send } from './node-client.ts';

// Express 5 over a real node:http server, with the middleware as an app would mount it; the
// handler sets its headers in the form the script names.
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
  'res.cookie',
  'res.append',
] as const;

function respond(res: Response, script: HandlerScript): void {
  const others = handlerHeaders(script);
  const { cookies, status } = script;
  const body = bodyFor(status) ?? undefined;
  const form = cookies.length === 0 ? 'setHeader' : script.cookieForm;
  const end = () => (body === undefined ? res.end() : res.end(body));
  const head = (headers: OutgoingHttpHeaders | unknown[], message?: string) => {
    const write = res.writeHead.bind(res) as (...args: unknown[]) => unknown;
    if (message === undefined) write(status, headers);
    else write(status, message, headers);
  };
  const setOthers = () => {
    for (const [name, value] of others) res.setHeader(name, value);
  };
  res.statusCode = status;
  switch (form) {
    case 'setHeader':
      setOthers();
      if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
      break;
    case 'appendHeader':
      setOthers();
      for (const cookie of cookies) res.appendHeader('Set-Cookie', cookie);
      break;
    case 'setHeaders(Headers)':
      res.setHeaders(new Headers([...others, ...cookies.map((cookie): [string, string] => ['Set-Cookie', cookie])]));
      break;
    case 'setHeaders(Map)':
      res.setHeaders(new Map<string, string | string[]>([...others, ['Set-Cookie', cookies]]));
      break;
    case 'res.cookie':
      setOthers();
      for (const cookie of cookies) {
        const eq = cookie.indexOf('=');
        res.cookie(cookie.slice(0, eq), cookie.slice(eq + 1), { encode: String });
      }
      break;
    case 'res.append':
      setOthers();
      for (const cookie of cookies) res.append('Set-Cookie', cookie);
      break;
    default: {
      const object = (): OutgoingHttpHeaders => ({ ...Object.fromEntries(others), 'Set-Cookie': cookies });
      const flat = (): string[] => [...others.flat(), ...cookies.flatMap((cookie) => ['Set-Cookie', cookie])];
      const pairs = (): string[][] => [...others, ...cookies.map((cookie) => ['Set-Cookie', cookie])];
      const message = form.includes('message') ? 'Fine' : undefined;
      if (form.endsWith('object)')) head(object(), message);
      else if (form.endsWith('flat array)')) head(flat(), message);
      else if (form.endsWith('pairs)')) head(pairs(), message);
      else throw new Error(`unknown form ${form}`);
    }
  }
  end();
}

let script: HandlerScript;
let server: Server;
let port = 0;

beforeAll(async () => {
  const app = express();
  const byTarget = new Map(TARGETS.map((target) => [target, cacheRulesMiddleware<Request, Response>(engine, { target, post: (_req, res) => res.locals.post })]));
  app.use((req, res, next) => byTarget.get(script.target)!(req, res, next));
  app.use((_req, res) => {
    res.locals.post = script.post;
    respond(res, script);
  });
  server = createServer(app);
  port = await listen(server);
});
afterAll(() => close(server));

describeAdapterContract(
  'Express (node:http, express 5)',
  async (handler, request) => {
    script = handler;
    return send(port, request);
  },
  { setCookieForms: FORMS },
);
