import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core/types';

const KEEPALIVE_MS = 25_000;

/** Server-sent events: one named SSE event per push message, JSON payload. */
export function streamEvents(core: Core, request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  response.write(': connected\n\n');
  const unsubscribe = core.subscribe((message) => {
    response.write(`event: ${message.event}\ndata: ${JSON.stringify(message.payload)}\n\n`);
  });
  // Comments keep idle proxies and the browser from dropping the stream.
  const keepalive = setInterval(() => response.write(': keepalive\n\n'), KEEPALIVE_MS);
  const stop = (): void => {
    clearInterval(keepalive);
    unsubscribe();
  };
  request.on('close', stop);
  response.on('error', stop);
}
