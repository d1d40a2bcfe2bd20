import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodyFor,
  cachingHeaders,
  expectedDecision,
  KEPT,
  METHODS,
  PATHS,
  POST,
  REQUEST_KINDS,
  REQUESTS,
  sharedBy,
  STATUSES,
  TARGETS,
  type ClientRequest,
  type HandlerScript,
  type RequestKind,
  type Serve,
  type Served,
} from './contract-cases.ts';

export interface AdapterContractOptions {
  /** Every way the adapter's framework lets a handler set a Set-Cookie, by name. */
  setCookieForms: readonly [string, ...string[]];
}

function script(overrides: Partial<HandlerScript> & Pick<HandlerScript, 'target'>, path: string): HandlerScript {
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    cookies: [],
    cookieForm: 'none',
    careless: true,
    post: path.startsWith('/posts/') ? POST : undefined,
    ...overrides,
  };
}

const request = (path: string, kind: RequestKind = 'anonymous', method: ClientRequest['method'] = 'GET'): ClientRequest => ({ method, path, headers: REQUESTS[kind] });

/** What every adapter must give: the engine's decision, and the handler's response otherwise intact. */
function expectContract(handler: HandlerScript, sent: ClientRequest, served: Served): void {
  const decision = expectedDecision(handler, sent);
  expect(served.status, 'status').toBe(handler.status);
  expect(cachingHeaders(served.headers), `caching headers (${decision.action}: ${decision.reason})`).toEqual(cachingHeaders(decision.headers));
  expect(served.headers.get(KEPT[0]), 'a header no rule owns').toBe(KEPT[1]);
  expect(served.headers.get('content-type'), 'content type').toBe(handler.contentType);
  expect(served.headers.getSetCookie().map((cookie) => cookie.split(';')[0]), 'every Set-Cookie').toEqual(handler.cookies);
  const body = bodyFor(handler.status);
  if (sent.method === 'GET' && body != null) expect(served.body, 'body').toBe(body);
  if (handler.cookies.length > 0) expect(sharedBy(served.headers), 'a cookie-setting response is shared').toBeUndefined();
}

/**
 * The contract every adapter meets, in the style of unstorage's driver tests: each adapter's
 * test calls this with a `serve` that puts a handler script behind the adapter and returns what a
 * client saw. The expected headers are `engine.decide`'s for the same request and response, never
 * hard-coded values, so the suite holds whatever the engine's semantics become, and adapters that
 * each equal the engine equal each other.
 */
export function describeAdapterContract(name: string, serve: Serve, options: AdapterContractOptions): void {
  const forms = options.setCookieForms;

  describe(`${name}: the adapter contract`, () => {
    describe('request cookies and Authorization, for every target', () => {
      const cases = TARGETS.flatMap((target) => REQUEST_KINDS.map((kind) => [target, kind] as const));
      it.each(cases)('%s, %s', async (target, kind) => {
        const handler = script({ target }, '/posts/hello');
        const sent = request('/posts/hello', kind);
        expectContract(handler, sent, await serve(handler, sent));
      });
    });

    describe('every kind of rule, for every target', () => {
      const cases = TARGETS.flatMap((target) => PATHS.map((path) => [target, path] as const));
      it.each(cases)('%s, %s', async (target, path) => {
        const handler = script({ target }, path);
        const sent = request(path);
        expectContract(handler, sent, await serve(handler, sent));
      });
    });

    describe('each status class, GET and HEAD', () => {
      const cases = STATUSES.flatMap((status, i) =>
        METHODS.flatMap((method, j) => ['/posts/hello', '/assets/app.1.css'].map((path, k) => [status, method, path, TARGETS[(i + j + k) % TARGETS.length] as (typeof TARGETS)[number]] as const)),
      );
      it.each(cases)('%i, %s %s (%s)', async (status, method, path, target) => {
        const handler = script({ target, status }, path);
        const sent = request(path, 'anonymous', method);
        expectContract(handler, sent, await serve(handler, sent));
      });
    });

    describe('Set-Cookie in every form the framework allows, for every target', () => {
      const cases = forms.flatMap((form) => TARGETS.map((target) => [form, target] as const));
      it.each(cases)('%s (%s)', async (cookieForm, target) => {
        const handler = script({ target, cookieForm, cookies: ['session=new', 'theme=dark'] }, '/assets/app.1.css');
        const sent = request('/assets/app.1.css');
        const served = await serve(handler, sent);
        expectContract(handler, sent, served);
        expect(sharedBy(served.headers)).toBeUndefined();
      });
    });

    it('property: equals engine.decide on any mix, and never shares a cookie-setting response', async () => {
      const cookie = fc.stringMatching(/^[a-z]{1,8}=[A-Za-z0-9]{0,12}$/);
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            target: fc.constantFrom(...TARGETS),
            status: fc.constantFrom(...STATUSES, 203, 400, 403),
            contentType: fc.constantFrom('text/html; charset=utf-8', 'application/json', 'image/png'),
            cookies: fc.oneof(fc.constant([] as string[]), fc.array(cookie, { minLength: 1, maxLength: 3 })),
            cookieForm: fc.constantFrom(...forms),
            careless: fc.boolean(),
          }),
          fc.constantFrom(...PATHS),
          fc.constantFrom(...REQUEST_KINDS),
          fc.constantFrom(...METHODS),
          async (drawn, path, kind, method) => {
            const handler = script(drawn, path);
            const sent = request(path, kind, method);
            expectContract(handler, sent, await serve(handler, sent));
          },
        ),
        { numRuns: 150 },
      );
    });
  });
}
