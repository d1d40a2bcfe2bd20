import { connect } from 'node:net';

export interface RawExchange {
  /** Every byte that came back, 1xx responses included. */
  response: string;
  /** Whether a final (non-1xx) response arrived whole. */
  complete: boolean;
  /** Whether the server closed the connection (looked for only with `waitForClose`). */
  closed: boolean;
  ms: number;
}

export interface RawExchangeOptions {
  /** Written straight after the head: all of a body, or only its start. */
  body?: string;
  /** Written once `100 Continue` arrives. */
  afterContinue?: string;
  /** After the final response, wait this long for the server to close the connection. */
  waitForClose?: number;
  /** Give up after this long; default 3 s. */
  ms?: number;
}

/** The final response in `text` (after any 1xx), if it has arrived whole: it must have a Content-Length. */
function finalResponse(text: string): { start: number; complete: boolean } {
  let start = 0;
  for (;;) {
    const end = text.indexOf('\r\n\r\n', start);
    if (end === -1) return { start, complete: false };
    if (/^HTTP\/1\.1 1\d\d /.test(text.slice(start))) {
      start = end + 4;
      continue;
    }
    const length = /^content-length:\s*(\d+)/im.exec(text.slice(start, end));
    return { start, complete: length != null && text.length - end - 4 >= Number(length[1]) };
  }
}

/**
 * An HTTP/1.1 exchange over a bare socket, byte for byte as written: for what `fetch` cannot send
 * (repeated header lines, a body that never finishes, waiting for `100 Continue`).
 */
export function rawExchange(base: string, head: string, options: RawExchangeOptions = {}): Promise<RawExchange> {
  const { hostname, port } = new URL(base);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let response = '';
    let complete = false;
    let continued = false;
    let settled = false;
    const finish = (closed: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ response, complete, closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), options.ms ?? 3000);
    socket.setEncoding('latin1');
    socket.on('connect', () => socket.write(`${head}\r\n\r\n${options.body ?? ''}`));
    socket.on('data', (chunk: string) => {
      response += chunk;
      if (options.afterContinue !== undefined && !continued && response.startsWith('HTTP/1.1 100 Continue\r\n\r\n')) {
        continued = true;
        socket.write(options.afterContinue);
      }
      if (complete) return;
      complete = finalResponse(response).complete;
      if (!complete) return;
      if (options.waitForClose === undefined) finish(false);
      else setTimeout(() => finish(false), options.waitForClose);
    });
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
  });
}
