import type { Decision } from '../engine/decision.ts';
import { OWNED_HEADERS } from './owned-headers.ts';

/**
 * A new Response with the decision's headers in place of every caching header the handler set
 * (`OWNED_HEADERS`), and everything else kept: status, status text, the other headers, each
 * Set-Cookie, and the body as the same stream, never read. `response` is left as it was, so it may
 * be immutable (from `fetch()`). Built with the response itself as the init, so runtime extras
 * (workerd's `webSocket`, `cf`, `encodeBody`) carry over where the runtime copies them.
 */
export function applyDecision(response: Response, decision: Decision): Response {
  const out = new Response(response.body, response);
  const headers = out.headers;
  const owned: string[] = [];
  for (const name of response.headers.keys()) if (OWNED_HEADERS.has(name)) owned.push(name);
  for (const name of owned) headers.delete(name);
  for (const name in decision.headers) headers.set(name, decision.headers[name] as string);
  return out;
}
