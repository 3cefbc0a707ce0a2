import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations';
import { CoreStartError, startCoreWorker } from '../../src/main/core/workerHost';
import type { PushMessage } from '../../src/shared/contract';
import { tempDir } from '../helpers/db';

/** The core in a worker thread, as the app and browser mode run it. */
const workerPath = join(__dirname, '../../src/main/core/worker.ts');
const execArgv = ['--require', require.resolve('tsx/cjs')];
const temp = tempDir();
afterAll(() => temp.cleanup());

describe('core worker', () => {
  it('speaks the contract across the thread and forwards push events', async () => {
    const core = await startCoreWorker({ workerPath, execArgv, dbPath: join(temp.dir, 'a.sqlite') });
    const events: PushMessage[] = [];
    core.subscribe((m) => events.push(m));
    expect(await core.invoke('settings.get', {})).toEqual({ ok: true, data: { locale: 'en', colorScheme: 'auto' } });
    expect(await core.invokeByName('settings.update', { locale: 'xx' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    await core.invoke('settings.update', { locale: 'zh-CN' });
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['settings'] } }]);
    await core.close();
    expect(await core.invoke('settings.get', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('fails to start, with the reason, on a database from a newer version', async () => {
    const path = join(temp.dir, 'future.sqlite');
    const connection = openConnection(path);
    await migrate(connection);
    connection.sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    connection.close();
    const start = startCoreWorker({ workerPath, execArgv, dbPath: path });
    await expect(start).rejects.toBeInstanceOf(CoreStartError);
    await expect(start).rejects.toThrow(/newer version of Backroom/);
  });
});
