import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { API_PREFIX, endpointOf, gate, route, send } from './routes';
import { AfterShipServerState } from './state';

export { AfterShipServerState } from './state';
export type { AfterShipFailures, RecordedRequest, ServerTracking } from './state';

/**
 * A local server that answers like AfterShip's Tracking API (2025-04) under
 * /tracking/2025-04: the `as-api-key` header (401 "Invalid API key." without
 * the right one), POST /trackings (201; meta 4003 when the number is already
 * tracked, 4005 for a malformed number), GET /trackings with updated_at_min /
 * tracking_numbers / slug / tag filters and cursor pagination, GET
 * /trackings/:id (meta 4004 when unknown), the tag/subtag taxonomy, checkpoints,
 * the carrier's and AfterShip's estimated delivery fields, the per-endpoint
 * per-second limits with x-ratelimit-limit / -remaining / -reset headers and
 * 429 beyond them, and 5xx or dropped connections a test can switch on.
 * Every answer is `{ meta: { code, message, type }, data }`.
 */
export async function startAfterShipServer(options: { apiKey?: string; limits?: Partial<Record<string, number>>; port?: number } = {}): Promise<{
  url: string; apiKey: string; state: AfterShipServerState; close(): Promise<void>;
}> {
  const apiKey = options.apiKey ?? 'asat_0123456789abcdef0123456789abcdef';
  const state = new AfterShipServerState(apiKey, options.limits);
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    if (state.failures.down) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      const endpoint = endpointOf(method, url.pathname) ?? `${method} ${url.pathname}`;
      const record = (status: number): void => {
        state.requests.push({ method, endpoint, path: url.pathname + url.search, at: state.clock(), status });
      };
      if (!url.pathname.startsWith(`${API_PREFIX}/`)) {
        record(404);
        return send(res, { status: 404, meta: { code: 404, message: 'The URI requested is invalid or the resource requested does not exist.', type: 'NotFound' }, data: {} }, {});
      }
      const { answer: refused, headers } = gate(state, req, endpoint);
      if (refused) {
        record(refused.status);
        return send(res, refused, headers);
      }
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      if (text.length > 0) {
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
      }
      const answer = route(state, method, url, method === 'POST' ? body : null);
      record(answer.status);
      send(res, answer, headers);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${API_PREFIX}`,
    apiKey,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
