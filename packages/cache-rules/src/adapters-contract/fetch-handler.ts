import { bodyFor, handlerHeaders, type HandlerScript } from './contract-cases.ts';

/** Every way a fetch handler can put Set-Cookie lines on a Response. */
export const FETCH_FORMS = ['Headers.append', 'Headers init array', 'response.headers.append', 'Headers.set then append'] as const;

/** The handler's Response for a script, Set-Cookie in the form it names. */
export function fetchResponse(script: HandlerScript): Response {
  const others = handlerHeaders(script);
  const { cookies, status } = script;
  const body = bodyFor(status);
  const cookieLines = cookies.map((cookie): [string, string] => ['Set-Cookie', cookie]);
  switch (cookies.length === 0 ? 'Headers init array' : script.cookieForm) {
    case 'Headers.append': {
      const headers = new Headers(others);
      for (const cookie of cookies) headers.append('set-cookie', cookie);
      return new Response(body, { status, headers });
    }
    case 'Headers init array':
      return new Response(body, { status, headers: [...others, ...cookieLines] });
    case 'response.headers.append': {
      const response = new Response(body, { status, headers: others });
      for (const cookie of cookies) response.headers.append('Set-Cookie', cookie);
      return response;
    }
    case 'Headers.set then append': {
      const headers = new Headers(others);
      headers.set('Set-Cookie', cookies[0] as string);
      for (const cookie of cookies.slice(1)) headers.append('Set-Cookie', cookie);
      return new Response(body, { status, headers });
    }
    default:
      throw new Error(`unknown form ${script.cookieForm}`);
  }
}
