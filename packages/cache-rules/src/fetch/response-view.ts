import type { DecideResponse } from '../engine/request-view.ts';

/**
 * The parts of a response `engine.decide` reads: its status, its content type, and every
 * Set-Cookie one by one (`getSetCookie`, where a plain `get` folds them into one line; a runtime
 * without it still gives the folded line, which is enough to keep the response private).
 */
export function decideResponseOf(response: Response): DecideResponse {
  const headers: Record<string, string | string[]> = {};
  const contentType = response.headers.get('content-type');
  if (contentType != null) headers['content-type'] = contentType;
  if (typeof response.headers.getSetCookie === 'function') {
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) headers['set-cookie'] = cookies;
  } else {
    const folded = response.headers.get('set-cookie');
    if (folded != null) headers['set-cookie'] = folded;
  }
  return { status: response.status, headers };
}
