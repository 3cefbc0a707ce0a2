import {
  PUSH_EVENT_NAMES,
  type PushEventName,
  type PushEvents,
} from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import { toErrorValue } from './ApiError';
import { sessionToken } from './token';
import type { Transport } from './transport';

/** Browser mode: POST /api/<name> with a bearer token; push events over SSE. */
export function httpTransport(): Transport {
  const listeners = new Map<PushEventName, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;

  // One EventSource for all listeners, opened on the first subscription.
  function connect(): void {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(sessionToken())}`);
    for (const name of PUSH_EVENT_NAMES) {
      source.addEventListener(name, (event) => {
        const payload = parseJson((event as MessageEvent<string>).data);
        if (payload === undefined) return;
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  }

  return {
    invoke: (name, input) => post(name, input),
    on<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      connect();
      return () => {
        set.delete(untyped);
      };
    },
  };
}

async function post(name: string, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${sessionToken()}`,
      },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'OFFLINE', message: 'The server could not be reached' } };
  }
  const body = parseJson(await response.text().catch(() => ''));
  if (isResult(body)) {
    return body.ok ? body : { ok: false, error: toErrorValue(body.error) };
  }
  if (response.status === 401) {
    return { ok: false, error: { code: 'UNAUTHORIZED', message: 'The token was refused' } };
  }
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `Unexpected answer (HTTP ${response.status})` },
  };
}

function isResult(body: unknown): body is { ok: true; data: unknown } | { ok: false; error: unknown } {
  if (!body || typeof body !== 'object' || !('ok' in body)) return false;
  return body.ok === true ? 'data' in body : body.ok === false && 'error' in body;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
