import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFLINE_MESSAGE } from '../../src/main/sync/engine/run';
import { connectBackroom, type Backroom } from './vendure-backroom';
import { earnings, localOrders, localSums, recordFigures, serverFacts, serverSums } from './vendure-facts';
import { startVendure, type VendurePeer } from './vendure/harness';

/**
 * The real Vendure server goes down in the middle of a first sync (killed as the second page of
 * orders is asked for, then started again on the same data). The run fails as offline, keeping
 * what it applied; the next run resumes the listing where it stopped and ends with exactly the
 * server's orders, each earning its points once.
 */
let peer: VendurePeer;
let backroom: Backroom;
let restarting: Promise<void> | null = null;

const failingFetch: typeof fetch = async (input, init) => {
  const body = typeof init?.body === 'string' ? JSON.parse(init.body) as { query: string; variables?: { options?: { skip?: number } } } : null;
  const ordersPage = body && /\borders\(options: \$options\)/.test(body.query) ? body.variables?.options?.skip : undefined;
  if (ordersPage === 100 && restarting === null) {
    await peer.kill();
    restarting = peer.restart();
  }
  return fetch(input, init);
};

beforeAll(async () => {
  peer = await startVendure();
  // Two quick attempts per call: the server is down for longer, so the run fails instead of waiting it out.
  backroom = await connectBackroom(peer, { auth: 'apiKey', fetchImpl: failingFetch, timing: { attempts: 2, backoffBaseMs: 50, backoffMaxMs: 100 } });
}, 600_000);

afterAll(async () => {
  backroom?.close();
  await peer?.stop();
});

describe('Vendure: a server restart mid-sync', () => {
  it('fails as offline, then resumes from the saved listing with nothing lost or doubled', async () => {
    const first = await backroom.sync();
    expect(first).toMatchObject({ status: 'failed', error: OFFLINE_MESSAGE });
    expect(restarting).not.toBeNull();
    const appliedBefore = backroom.count('SELECT count(*) AS n FROM orders WHERE store_id = ?', backroom.storeId);
    expect(appliedBefore).toBe(100);
    await restarting;

    const facts = await serverFacts(peer);
    const started = Date.now();
    const second = await backroom.sync();
    recordFigures({ resumedSyncMs: Date.now() - started, resumedOrders: second.created });
    expect(second).toMatchObject({ status: 'succeeded', error: null });
    const log = backroom.connection.sqlite
      .prepare<[number], { message: string }>(`SELECT message FROM sync_log WHERE run_id = ? AND resource = 'orders'`).all(second.id)
      .map((row) => row.message);
    expect(log).toContain('Resuming orders at page 2, where an interrupted sync stopped.');
    // Only the orders not yet applied are new; products and customers were complete before the failure.
    expect(second.created).toBe(facts.orders.size - appliedBefore);
    const local = localOrders(backroom);
    expect([...local.keys()].sort()).toEqual([...facts.orders.keys()].sort());
    expect(localSums(backroom)).toEqual(serverSums(facts));
    const earned = earnings(backroom);
    expect(earned.earnEntries).toBe(earned.ordersEarned);
    expect(earned.ordersEarned).toBe(earned.earningOrders);
  });
});
