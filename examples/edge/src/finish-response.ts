import { ifNoneMatch } from '@alphanode/site';

/**
 * What the visitor gets from a full response: a 304 with the same headers and no body when its
 * `If-None-Match` matches the ETag of a 200, no body for HEAD, else the response itself.
 */
export function finishResponse(request: Request, response: Response): Response {
  const etag = response.headers.get('etag') ?? undefined;
  const read = request.method === 'GET' || request.method === 'HEAD';
  if (read && response.status === 200 && ifNoneMatch(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers: response.headers });
  }
  if (request.method === 'HEAD') return new Response(null, { status: response.status, headers: response.headers });
  return response;
}
