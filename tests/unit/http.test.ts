import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../src/main/core';
import { startHttpTransport, type HttpTransport } from '../../src/main/http/server';
import { openConnection } from '../../src/main/db/connection';
import { tempDir } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';

const TOKEN = 'test-token-0123456789abcdef';
let core: Core;
let http: HttpTransport;
let dbPath: string;
let cleanup: () => void;

beforeAll(async () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  dbPath = join(temp.dir, 'backroom.sqlite');
  core = await openCore({ dbPath });
  const writer = openConnection(dbPath);
  insertStore(writer.sqlite);
  insertCustomer(writer.sqlite, 1);
  insertOrder(writer.sqlite, { id: 1, customerId: 1, seq: 1, placedAt: '2026-03-01T10:00:00.000Z', totalMinor: 1200 });
  insertOrder(writer.sqlite, { id: 2, customerId: 1, seq: 2, placedAt: '2026-03-02T10:00:00.000Z', totalMinor: 800 });
  writer.close();
  const staticDir = join(temp.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Backroom</title>');
  writeFileSync(join(temp.dir, 'secret.txt'), 'outside the static root');
  http = await startHttpTransport({ core, token: TOKEN, port: 0, staticDir });
});

afterAll(async () => {
  await http.close();
  await core.close();
  cleanup();
});

const api = (name: string, body: string | undefined, token: string | null = TOKEN) =>
  fetch(new URL(`api/${name}`, http.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body,
  });

describe('HTTP transport', () => {
  it('binds to loopback and answers health without a token', async () => {
    expect(http.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(new URL('api/health', http.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, data: { status: 'ok' } });
  });

  it('answers an operation in the contract envelope, figures from the database', async () => {
    const response = await api('dashboard.summary', '{}');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; data: { current: { orders: number; netRevenueMinor: number } } };
    expect(body.ok).toBe(true);
    expect(body.data.current.orders).toBe(2);
    expect(body.data.current.netRevenueMinor).toBe(2000);
  });

  it.each([
    ['no token', null],
    ['a wrong token', 'nope'],
  ])('refuses %s with 401', async (_label, token) => {
    const response = await api('dashboard.summary', '{}', token);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it.each([
    ['bad JSON', 'dashboard.summary', '{"range":', 400, 'VALIDATION'],
    ['an invalid input', 'dashboard.summary', '{"range":{"from":"yesterday"}}', 400, 'VALIDATION'],
    ['an unknown operation', 'orders.explode', '{}', 404, 'NOT_FOUND'],
    ['a body too large', 'dashboard.summary', JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }), 413, 'VALIDATION'],
  ])('answers %s with %i and a code, never a stack', async (_label, name, body, status, code) => {
    const response = await api(name, body);
    expect(response.status).toBe(status);
    const json = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(json).toMatchObject({ ok: false, error: { code } });
    expect(json.error.message).not.toMatch(/\n\s+at /);
  });

  it('takes an empty body as no input', async () => {
    const response = await api('settings.get', undefined);
    expect(await response.json()).toMatchObject({ ok: true, data: { locale: 'en' } });
  });

  it('requires POST for operations', async () => {
    const response = await fetch(new URL('api/settings.get', http.url), {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(405);
  });

  it('pushes events over SSE to a token holder', async () => {
    const refused = await fetch(new URL('api/events', http.url));
    expect(refused.status).toBe(401);
    const controller = new AbortController();
    const response = await fetch(new URL(`api/events?token=${TOKEN}`, http.url), { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    await reader.read(); // the ": connected" comment
    await api('settings.update', JSON.stringify({ colorScheme: 'dark' }));
    let text = '';
    while (!text.includes('\n\n') || !text.includes('data.changed')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain('event: data.changed\ndata: {"areas":["settings"]}');
    controller.abort();
  });

  it('serves the console with a strict CSP and never a file outside it', async () => {
    const page = await fetch(http.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const status = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(http.url);
      httpRequest({ host: '127.0.0.1', port, path: '/%2e%2e/secret.txt' }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body.includes('outside the static root') ? -1 : res.statusCode ?? 0));
      })
        .on('error', reject)
        .end();
    });
    expect(status).not.toBe(-1);
  });

  it('refuses to listen beyond loopback with a short token', async () => {
    await expect(startHttpTransport({ core, token: 'short', host: '0.0.0.0', port: 0 })).rejects.toThrow(/token/);
  });
});
