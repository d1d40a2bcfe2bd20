import type { Decision } from '../engine/decision.ts';
import { OWNED_HEADERS } from './owned-headers.ts';

/** Replaces every caching header the handler set (`OWNED_HEADERS`) with the decision's. */
function setDecisionHeaders(headers: Headers, decision: Decision): void {
  const owned: string[] = [];
  for (const name of headers.keys()) if (OWNED_HEADERS.has(name)) owned.push(name);
  for (const name of owned) headers.delete(name);
  for (const name in decision.headers) headers.set(name, decision.headers[name] as string);
}

/**
 * The response with the decision's headers in place of every caching header the handler set, and
 * everything else kept: status, status text, the other headers, each Set-Cookie, the body.
 *
 * A handler's own Response has mutable headers: they are changed in place and the same Response
 * comes back. Copying it instead turned a string body into a stream, which cost servers such as
 * @hono/node-server their one-write fast path (measured: the adapter's cost per request doubled).
 * A Response whose headers are immutable (one from `fetch()`) is copied, its body passed on as the
 * same stream, never read, with the response itself as the init so runtime extras (workerd's
 * `webSocket`, `cf`) carry over where the runtime copies them.
 */
export function applyDecision(response: Response, decision: Decision): Response {
  try {
    setDecisionHeaders(response.headers, decision);
    return response;
  } catch {
    // Immutable headers throw on the first change, so nothing was changed.
    const out = new Response(response.body, response);
    setDecisionHeaders(out.headers, decision);
    return out;
  }
}
