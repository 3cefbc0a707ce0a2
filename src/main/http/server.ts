import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_VERSION } from '../../shared/version';
import type { Core } from '../core/types';
import { isLoopback, presentedToken, tokenMatches } from './auth';
import { readJsonBody } from './body';
import { streamEvents } from './events';
import { sendError, sendJson, sendResult } from './respond';
import { serveStatic } from './staticFiles';

export interface HttpTransportOptions {
  core: Core;
  token: string;
  /** Loopback unless asked; any other address requires a token (always set here). */
  host?: string;
  port: number;
  /** The built renderer (out/renderer); without it only the API is served. */
  staticDir?: string;
}

export interface HttpTransport {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const OPERATION_PATH = /^\/api\/([a-zA-Z][\w.]*)$/;

/**
 * The HTTP binding of the contract: `POST /api/<operation>` with a JSON body,
 * `GET /api/health` open, `GET /api/events` as SSE. Used by browser mode, the
 * browser end-to-end tests, and staff on the shop's LAN.
 */
export function createHttpHandler(options: HttpTransportOptions) {
  const { core, token, staticDir } = options;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;

    if (path === '/api/health') {
      return sendJson(response, 200, { ok: true, data: { status: 'ok', version: APP_VERSION } });
    }
    if (path.startsWith('/api/')) {
      const isEvents = path === '/api/events';
      if (!tokenMatches(token, presentedToken(request, url, isEvents))) {
        return sendError(response, 'UNAUTHORIZED', 'This request needs the console’s access token.');
      }
      if (isEvents) {
        if (request.method !== 'GET') return sendError(response, 'VALIDATION', 'Use GET for events.', 405);
        return streamEvents(core, request, response);
      }
      const match = OPERATION_PATH.exec(path);
      if (!match) return sendError(response, 'NOT_FOUND', 'There is no such operation.');
      if (request.method !== 'POST') {
        response.setHeader('Allow', 'POST');
        return sendError(response, 'VALIDATION', 'Operations are called with POST.', 405);
      }
      const body = await readJsonBody(request);
      if (!body.ok) {
        if (body.reason === 'bad-json') {
          return sendError(response, 'VALIDATION', 'The request body is not valid JSON.');
        }
        // The rest of the body is never read, so this connection cannot carry another request.
        response.setHeader('Connection', 'close');
        response.once('finish', () => request.destroy());
        return sendError(response, 'VALIDATION', 'The request body is too large.', 413);
      }
      return sendResult(response, await core.invokeByName(match[1]!, body.value));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendError(response, 'VALIDATION', 'Only GET is served here.', 405);
    }
    if (!staticDir) return sendError(response, 'NOT_FOUND', 'The console is not served here.');
    serveStatic(staticDir, path, response);
  };
}

export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && options.token.length < 16) {
    throw new Error('Serving beyond this computer needs an access token of at least 16 characters.');
  }
  const handle = createHttpHandler(options);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[backroom] http request failed', error);
      if (!response.headersSent) sendError(response, 'INTERNAL', 'Something went wrong inside Backroom.');
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shownHost}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
