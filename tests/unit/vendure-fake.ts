import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A fake fetch for the Vendure connector's unit tests: it answers each
 * GraphQL operation (by its name, "BackroomOrders") from a handler, and
 * records what was asked, with which headers. The end-to-end behaviour
 * against a real Vendure server is tests/integration/vendure*.test.ts.
 */
export interface Call { operation: string; variables: Record<string, unknown>; headers: Record<string, string> }

export type Answer = { status?: number; body?: unknown; text?: string; headers?: Record<string, string>; throws?: Error };
export type Handler = (variables: Record<string, unknown>, call: Call) => Answer | unknown;

export function fakeVendure(handlers: Record<string, Handler>): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchImpl = (async (_url: string | URL | Request, init?: RequestInit) => {
    const { query, variables } = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
    const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous';
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const call = { operation, variables, headers };
    calls.push(call);
    const handler = handlers[operation];
    if (!handler) throw new Error(`The fake Vendure has no answer for ${operation}.`);
    const result = handler(variables, call);
    const answer: Answer = isAnswer(result) ? result : { body: { data: result } };
    if (answer.throws) throw answer.throws;
    return new Response(answer.text ?? JSON.stringify(answer.body), { status: answer.status ?? 200, headers: answer.headers });
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

function isAnswer(value: unknown): value is Answer {
  return value !== null && typeof value === 'object' && ('status' in value || 'body' in value || 'text' in value || 'throws' in value);
}

/** GraphQL errors as Vendure sends them (HTTP 200, errors with an extensions.code). */
export const graphqlError = (message: string, code: string): Answer => ({ body: { errors: [{ message, extensions: { code } }], data: null } });

/** Shapes recorded from the real Vendure 3.7.3 test peer (tests/fixtures/vendure). */
export function recorded<T = Record<string, unknown>>(name: 'orders' | 'products' | 'customers'): { items: T[]; totalItems?: number; carts?: T[] } {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'vendure', `${name}.json`), 'utf8'));
}

export const signal = (): AbortSignal => new AbortController().signal;
