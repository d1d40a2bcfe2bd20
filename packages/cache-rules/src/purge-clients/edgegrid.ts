/** A request as an EdgeGrid signer sees it. */
export interface SignableRequest {
  method: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/**
 * Signs one request: resolves to the value of its `Authorization` header. Called for every attempt,
 * since an EdgeGrid signature covers a timestamp. Pass your own (Akamai's `akamai-edgegrid`
 * package, a secrets service) or `edgeGridSigner(credentials)`.
 */
export type EdgeGridSign = (request: SignableRequest) => Promise<string> | string;

/** An API client's credentials, from the `.edgerc` section Akamai Control Center gives you. */
export interface EdgeGridCredentials {
  clientToken: string;
  clientSecret: string;
  accessToken: string;
}

/** Configures `edgeGridSigner`: which headers the signature covers, how much of the body is hashed, and, for tests, the time and nonce. */
export interface EdgeGridSignerOptions {
  /** Request headers the signature covers, in this order; default none. */
  headersToSign?: readonly string[];
  /** Only this many body bytes are hashed; default 131,072, as Akamai's own clients. */
  maxBody?: number;
  /** For tests: the time of a signature; default the current time. */
  now?: () => Date;
  /** For tests: the nonce of a signature; default `crypto.randomUUID()`. */
  nonce?: () => string;
}

const encoder = new TextEncoder();
const base64 = (bytes: ArrayBuffer): string => btoa(String.fromCharCode(...new Uint8Array(bytes)));

async function hmac(key: string, data: string): Promise<string> {
  const cryptoKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return base64(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(data)));
}

/** `20140321T19:34:21+0000`: EdgeGrid's timestamp, in UTC. */
function timestampOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}+0000`;
}

/**
 * Akamai's EdgeGrid (`EG1-HMAC-SHA256`) request signing with Web Crypto only, so it runs on edge
 * runtimes and needs no dependency: an HMAC-SHA256 of the method, scheme, host, path and query,
 * the signed headers, a SHA-256 of a POST body, and the unsigned header, keyed by an HMAC of the
 * timestamp with the client secret (https://techdocs.akamai.com/developer/docs/authenticate-with-edgegrid).
 *
 * @example
 * const sign = edgeGridSigner({ clientToken: env.AKAMAI_CLIENT_TOKEN, clientSecret: env.AKAMAI_CLIENT_SECRET, accessToken: env.AKAMAI_ACCESS_TOKEN });
 * const purger = akamaiPurger({ host: env.AKAMAI_HOST, sign });
 */
export function edgeGridSigner(credentials: EdgeGridCredentials, options: EdgeGridSignerOptions = {}): EdgeGridSign {
  const maxBody = options.maxBody ?? 131_072;
  return async (request) => {
    const timestamp = timestampOf(options.now?.() ?? new Date());
    const nonce = options.nonce?.() ?? crypto.randomUUID();
    const unsigned = `EG1-HMAC-SHA256 client_token=${credentials.clientToken};access_token=${credentials.accessToken};timestamp=${timestamp};nonce=${nonce};`;
    const url = new URL(request.url);
    const lower = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
    const canonical = (options.headersToSign ?? [])
      .filter((name) => lower[name.toLowerCase()] !== undefined)
      .map((name) => `${name.toLowerCase()}:${(lower[name.toLowerCase()] as string).trim().replace(/\s+/g, ' ')}`)
      .join('\t');
    let contentHash = '';
    if (request.method.toUpperCase() === 'POST' && request.body.length > 0) {
      const body = encoder.encode(request.body).slice(0, maxBody);
      contentHash = base64(await crypto.subtle.digest('SHA-256', body));
    }
    const data = [request.method.toUpperCase(), url.protocol.slice(0, -1), url.host, `${url.pathname}${url.search}`, canonical, contentHash, unsigned].join('\t');
    const signingKey = await hmac(credentials.clientSecret, timestamp);
    return `${unsigned}signature=${await hmac(signingKey, data)}`;
  };
}
