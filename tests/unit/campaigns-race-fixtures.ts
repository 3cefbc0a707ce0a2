import { join } from 'node:path';
import type { Core } from '../../src/main/core/types';
import { startCoreWorker } from '../../src/main/core/workerHost';
import { openConnection } from '../../src/main/db/connection';
import { seedShop } from './campaigns-fixtures';

/**
 * Two staff at once: two cores (two threads, two connections) on one file
 * seeded with a shop, both closed when the race is over.
 */
const workerPath = join(__dirname, '../../src/main/core/worker.ts');
const execArgv = ['--require', require.resolve('tsx/cjs')];

export async function raceTwoCores(dbPath: string, customers: number, options: Parameters<typeof seedShop>[2],
  race: (a: Core, b: Core) => Promise<void>): Promise<void> {
  const a = await startCoreWorker({ workerPath, execArgv, dbPath });
  const b = await startCoreWorker({ workerPath, execArgv, dbPath });
  const setup = openConnection(dbPath);
  seedShop(setup.sqlite, customers, options);
  setup.close();
  try {
    await race(a, b);
  } finally {
    await a.close();
    await b.close();
  }
}

/** A draft reward campaign for the shop's VIPs, made through the contract; answers its id. */
export async function createVipCampaign(core: Core, name: string, holdoutPercent: number, mechanics: unknown[]): Promise<number> {
  const created = await core.invoke('campaigns.create', {
    name, goal: 'reward', startsAt: '2026-01-01T00:00:00Z', endsAt: '2099-01-01T00:00:00Z',
    audience: { kind: 'tag', tags: ['vip'] }, holdoutPercent, staffId: 7, mechanics,
  });
  if (!created.ok) throw new Error(created.error.message);
  return (created.data as { id: number }).id;
}
