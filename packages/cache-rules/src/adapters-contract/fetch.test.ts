import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { withCacheRules } from '../fetch/with-cache-rules.ts';
import { engine, TARGETS, type HandlerScript } from './contract-cases.ts';
import { describeAdapterContract } from './describe-adapter-contract.ts';
import { FETCH_FORMS, fetchResponse } from './fetch-handler.ts';
import { close, listen, send, servedFrom } from './node-client.ts';

const byTarget = new Map(TARGETS.map((target) => [target, withCacheRules(engine, { target })]));
const handle = (request: Request, script: HandlerScript): Response => byTarget.get(script.target)!(request, fetchResponse(script), script.post);

// Request and Response directly: a Headers joins two Cookie lines with ", ", which the adapter
// must still read as two cookies.
describeAdapterContract(
  'Fetch (Request/Response directly)',
  async (script, request) => servedFrom(handle(new Request(`http://127.0.0.1${request.path}`, { method: request.method, headers: request.headers.map(([k, v]): [string, string] => [k, v]) }), script)),
  { setCookieForms: FETCH_FORMS },
);

// The same through a real server: @hono/node-server turns node:http into Request and Response.
let script: HandlerScript;
let server: Server;
let port = 0;
beforeAll(async () => {
  server = createAdaptorServer({ fetch: (request: Request) => handle(request, script) }) as Server;
  port = await listen(server);
});
afterAll(() => close(server));

describeAdapterContract(
  'Fetch (through @hono/node-server)',
  async (handler, request) => {
    script = handler;
    return send(port, request);
  },
  { setCookieForms: FETCH_FORMS },
);
