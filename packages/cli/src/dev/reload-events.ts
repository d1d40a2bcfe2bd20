/** Where a page served by `alphanode dev` listens for rebuilds (server-sent events). */
export const RELOAD_EVENTS_PATH = '/__alphanode/events';

// Past this many URLs an event says "everything" (null): a rules change can touch every page.
const MAX_URLS = 1000;

/** The open event streams of the pages a dev server has served. */
export interface ReloadHub {
  /** The event stream for one page: a response that stays open until the page goes or `close`. */
  connect(request: Request): Response;
  /**
   * Sends a `reload` event to every open page: `urls` are the pages whose bytes changed (the
   * build's purge plan), so a page reloads only when it is among them; undefined means every page.
   * `moved` (the build's) sends a page whose post moved to its new URL instead.
   */
  reload(urls?: readonly string[], moved?: readonly { from: string; to: string }[]): void;
  /** How many pages listen. */
  size(): number;
  /** Ends every stream, so that the server can close. */
  close(): void;
}

const encoder = new TextEncoder();

/**
 * Server-sent events that tell open pages to reload, in Web streams only. `retry: 500` makes a
 * page reconnect half a second after the dev server restarts, rather than the browser's 3 s.
 */
export function createReloadHub(): ReloadHub {
  const streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  const drop = (stream: ReadableStreamDefaultController<Uint8Array>) => {
    if (!streams.delete(stream)) return;
    try {
      stream.close();
    } catch {
      // Already closed by the reader going away.
    }
  };
  return {
    connect(request) {
      let own: ReadableStreamDefaultController<Uint8Array> | undefined;
      const body = new ReadableStream<Uint8Array>({
        start(stream) {
          own = stream;
          streams.add(stream);
          stream.enqueue(encoder.encode('retry: 500\n\n'));
        },
        cancel() {
          if (own) streams.delete(own);
        },
      });
      request.signal.addEventListener('abort', () => own && drop(own), { once: true });
      return new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' } });
    },
    reload(urls, moved = []) {
      const data = JSON.stringify({
        urls: urls === undefined || urls.length > MAX_URLS ? null : urls,
        // Past the cap (every post moved by new rules), a page reloads where it is.
        moved: Object.fromEntries(moved.length > MAX_URLS ? [] : moved.map(({ from, to }) => [from, to])),
      });
      const message = encoder.encode(`event: reload\ndata: ${data}\n\n`);
      for (const stream of streams) {
        try {
          stream.enqueue(message);
        } catch {
          streams.delete(stream);
        }
      }
    },
    size: () => streams.size,
    close() {
      for (const stream of [...streams]) drop(stream);
    },
  };
}
