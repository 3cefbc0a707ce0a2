import { describe, expect, it } from 'vitest';
import { contract, PUSH_EVENT_NAMES } from '../../src/shared/contract';
import { dispatch } from '../../src/main/core/dispatch';
import { handlers } from '../../src/main/core/handlers';
import type { HandlerContext } from '../../src/main/core/handler';
import { memoryDb } from '../helpers/db';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_VERSION } from '../../src/shared/version';

async function context(): Promise<HandlerContext> {
  const connection = await memoryDb();
  return {
    sqlite: connection.sqlite,
    db: connection.db,
    dbPath: ':memory:',
    now: () => new Date('2026-11-23T00:00:00Z'),
    emit: () => undefined,
  };
}

const noLog = () => undefined;

describe('the contract', () => {
  it('names operations area.verb and gives every one a handler', () => {
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z]+(\.[a-z][a-zA-Z]*)+$/); // e.g. loyalty.settings.get
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('lists push events once each', () => {
    expect(new Set(PUSH_EVENT_NAMES).size).toBe(PUSH_EVENT_NAMES.length);
  });

  it('answers an unknown operation with NOT_FOUND', async () => {
    const result = await dispatch(handlers, await context(), 'orders.explode', {}, noLog);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it.each([
    ['a date that does not exist', { range: { from: '2026-02-30' } }, 'range.from'],
    ['a range that ends before it starts', { range: { from: '2026-03-02', to: '2026-03-01' } }, 'range.from'],
    ['an unknown field', { rnage: {} }, ''],
    ['a lower-case currency', { currency: 'usd' }, 'currency'],
    ['a non-object input', 'all', ''],
  ])('rejects %s with VALIDATION and a sentence', async (_label, input, path) => {
    const result = await dispatch(handlers, await context(), 'dashboard.summary', input, noLog);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(/^The request is not valid: .+\.$/);
    const issues = (result.error.details as { issues: { path: string }[] }).issues;
    if (path) expect(issues.map((i) => i.path)).toContain(path);
  });

  it('turns an unexpected failure into INTERNAL without its stack', async () => {
    const ctx = await context();
    ctx.sqlite.exec('DROP TABLE tickets');
    const logged: unknown[] = [];
    const result = await dispatch(handlers, ctx, 'dashboard.summary', {}, (_m, e) => logged.push(e));
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/no such table|at .*\.ts/);
    expect(logged).toHaveLength(1);
  });

  it('answers NOT_FOUND for a store that does not exist', async () => {
    const result = await dispatch(handlers, await context(), 'dashboard.summary', { storeId: 42 }, noLog);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('persists settings and rejects unknown values', async () => {
    const ctx = await context();
    const events: unknown[] = [];
    ctx.emit = (event, payload) => events.push({ event, payload });
    expect(await dispatch(handlers, ctx, 'settings.get', {}, noLog)).toEqual({
      ok: true,
      data: { locale: 'en', colorScheme: 'auto' },
    });
    await dispatch(handlers, ctx, 'settings.update', { locale: 'zh-CN' }, noLog);
    expect(await dispatch(handlers, ctx, 'settings.get', {}, noLog)).toMatchObject({ data: { locale: 'zh-CN' } });
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['settings'] } }]);
    const bad = await dispatch(handlers, ctx, 'settings.update', { locale: 'fr' }, noLog);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('keeps the app version equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});
