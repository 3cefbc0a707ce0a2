import type { ServerResponse } from 'node:http';
import type { ErrorCode, Result } from '../../shared/errors';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
  UPSTREAM: 502,
  OFFLINE: 503,
};

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/** The contract's envelope, with an HTTP status that matches its error code. */
export function sendResult(response: ServerResponse, result: Result<unknown>): void {
  sendJson(response, result.ok ? 200 : STATUS_BY_CODE[result.error.code], result);
}

export function sendError(
  response: ServerResponse,
  code: ErrorCode,
  message: string,
  status = STATUS_BY_CODE[code],
): void {
  sendJson(response, status, { ok: false, error: { code, message } });
}
