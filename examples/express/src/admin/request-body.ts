import type { IncomingMessage, ServerResponse } from 'node:http';

// Requests whose client sent `Expect: 100-continue` and is waiting before it sends the body: the
// server's `checkContinue` listener (deferContinue) adds them, and only readBody sends the 100.
const awaitingContinue = new WeakSet<IncomingMessage>();

/**
 * A listener for a server's `checkContinue` event. Node answers `100 Continue` at once unless a
 * server has one, and the client then sends its whole body before any route has looked at the
 * request. With this, the 100 goes out only when a route reads the body (the purge route does so
 * once the token is right), so a refused client never sends it. Any answer given without the 100
 * closes the connection, whose next bytes might otherwise be that body.
 *
 * @example
 * const server = app.listen(8080, '127.0.0.1');
 * server.on('checkContinue', deferContinue(app));
 */
export function deferContinue(listener: (req: IncomingMessage, res: ServerResponse) => void): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    awaitingContinue.add(req);
    res.setHeader('connection', 'close');
    listener(req, res);
  };
}

/** The body's declared length: undefined when chunked or absent. */
function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  if (header === undefined || req.headers['transfer-encoding'] !== undefined) return undefined;
  const length = Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/** Whether the request says it has a body at all (a length, even 0, or a transfer coding). */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;
}

export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads a body of at most `limit` bytes. A declared length over the limit is refused before a byte
 * is read, and a chunked body as soon as it passes the limit; either way the answer (a 413 from the
 * caller) then closes the connection, so the rest of the body is never read.
 */
export function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<BodyRead> {
  const declared = declaredLength(req);
  if (declared !== undefined && declared > limit) {
    res.setHeader('connection', 'close');
    return Promise.resolve({ ok: false, reason: 'too-large' });
  }
  if (awaitingContinue.delete(req)) {
    res.removeHeader('connection');
    res.writeContinue();
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: BodyRead): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        res.setHeader('connection', 'close');
        done({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => done({ ok: true, bytes: Buffer.concat(chunks, size) });
    // The client went away (or sent a broken chunked body): nobody is left to answer.
    const onClose = (): void => done({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
  });
}

/**
 * For an answer given without reading the body (a refused token): the body is read and dropped,
 * never buffered or parsed, up to `limit` bytes, so the connection can serve its next request (and
 * a cache in front, which sends the whole body before it reads the answer, gets the answer rather
 * than a broken connection). A body declared longer than that, or sent chunked past it, is not
 * read: the connection closes once the answer is out. A client still waiting for `100 Continue`
 * never sends it.
 */
export function discardBody(req: IncomingMessage, res: ServerResponse, limit: number): void {
  if (awaitingContinue.has(req) || !hasBody(req)) return;
  const declared = declaredLength(req);
  if (declared !== undefined && declared > limit) {
    res.setHeader('connection', 'close');
    return;
  }
  let size = 0;
  const onData = (chunk: Buffer): void => {
    size += chunk.length;
    if (size <= limit) return;
    req.off('data', onData);
    req.pause();
    const close = (): void => {
      req.socket.destroy();
    };
    if (res.writableFinished) close();
    else res.once('finish', close);
  };
  req.on('data', onData);
}
