import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { control } from './control';
import { WooHttpError } from './errors';
import { route, send, sendError } from './routes';
import { WooServerState } from './state';

export { WooServerState } from './state';
export type { WooFailures, WooResource, RecordedRequest } from './state';

/**
 * A local server that answers like a WooCommerce shop's REST API v3 under
 * /wp-json/wc/v3: Basic or query-string key auth, paged listings with
 * X-WP-Total / X-WP-TotalPages, modified_after with or without dates_are_gmt,
 * refunds, notes, coupons, and failures a test can switch on (see WooFailures).
 * Tests running it as a child process (cli.ts) steer it through /__control (control.ts).
 * Real WooCommerce accepts keys in the query string only over HTTPS; this
 * server runs on plain loopback HTTP and accepts both, as its clients are tests.
 */
export async function startWooServer(options: { orders?: number; timezone?: string; seed?: number; port?: number } = {}): Promise<{
  url: string; consumerKey: string; consumerSecret: string; close(): Promise<void>; state: WooServerState;
}> {
  const seed = options.seed ?? 1;
  const consumerKey = `ck_${seed.toString(16).padStart(8, '0')}a1b2c3d4e5f60718293a4b5c6d7e8f90`;
  const consumerSecret = `cs_${seed.toString(16).padStart(8, '0')}0f1e2d3c4b5a69788796a5b4c3d2e1f0`;
  const state = new WooServerState(
    { name: 'Hillside Tea', timezone: options.timezone ?? 'America/New_York', currency: 'USD', consumerKey, consumerSecret },
    { orders: options.orders ?? 250, seed },
  );
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const isControl = (req.url ?? '').startsWith('/__control/');
    if (state.down && !isControl) {
      // Down: the connection drops without an answer, as an unreachable host's does.
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void answer(Buffer.concat(chunks).toString('utf8')));
    async function answer(text: string): Promise<void> {
      try {
        const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
        const isApi = url.pathname.startsWith('/wp-json/wc/');
        if (isApi && state.failures.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, state.failures.slowMs));
        if (res.destroyed) return;
        if (isApi && state.failures.rateLimited > 0) {
          state.failures.rateLimited--;
          return send(res, 429, { code: 'too_many_requests', message: 'Too many requests, slow down.', data: { status: 429 } },
            { 'Retry-After': String(state.failures.retryAfterSeconds) });
        }
        if (isApi && state.failures.serverErrors > 0) {
          state.failures.serverErrors--;
          res.writeHead(state.failures.serverErrorStatus, { 'Content-Type': 'text/html' });
          res.end('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>');
          return;
        }
        let body: unknown = undefined;
        if (text.length > 0) {
          try {
            body = JSON.parse(text);
          } catch {
            throw new WooHttpError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
          }
        }
        if (isControl) return control(res, url.pathname, req.method ?? 'GET', body, state);
        if (url.pathname.startsWith('/wp-json/') && req.method !== 'GET' && state.failures.loseWriteAnswers > 0) {
          state.failures.loseWriteAnswers -= 1;
          // Carried out, but the answer never arrives: the connection drops instead.
          res.writeHead = (() => res) as typeof res.writeHead;
          res.end = (() => { req.socket.destroy(); return res; }) as typeof res.end;
        }
        await route(req, res, url, state, body);
      } catch (error) {
        if (!res.headersSent) sendError(res, error);
      }
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`, consumerKey, consumerSecret, state,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
