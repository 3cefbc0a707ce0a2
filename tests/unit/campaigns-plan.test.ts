import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { loadCampaign } from '../../src/main/domain/campaigns/load';
import { postCampaignMultipliers } from '../../src/main/domain/campaigns/multiplier';
import { memoryDb } from '../helpers/db';
import { capturePlans } from '../helpers/plans';
import { createDraft, NOW, seedShop } from './campaigns-fixtures';

/** The hot queries: the earning hook runs on every order that earns; a campaign's delivered figures on every view. */
let connection: Connection;
beforeEach(async () => {
  connection = await memoryDb();
  seedShop(connection.sqlite, 5);
});
afterEach(() => connection.close());

describe('query plans', () => {
  it('the earning hook probes the customer\'s memberships by index', () => {
    const plans = capturePlans(connection.sqlite, (sqlite) => postCampaignMultipliers({ sqlite, now: () => NOW },
      { id: 1, customerId: 1, placedAt: NOW.toISOString() }, { points: 10, availableAt: NOW.toISOString(), expiresAt: null }));
    expect(plans).toHaveLength(1);
    expect(plans[0]).toContain('SEARCH m USING INDEX campaign_members_customer (customer_id=?)');
    expect(plans[0]).toContain('SEARCH c USING INTEGER PRIMARY KEY');
  });

  it('a campaign\'s postings are found by a range of the ledger\'s key index, its coupons by the campaign index', () => {
    const campaign = createDraft(connection.sqlite);
    const plans = capturePlans(connection.sqlite, (sqlite) => loadCampaign(sqlite, campaign.id, NOW), { selectsOnly: true });
    const ledger = plans.find((p) => p.includes('points_ledger'));
    expect(ledger).toMatch(/SEARCH points_ledger USING INDEX \S+ \(idempotency_key>\? AND idempotency_key<\?\)/);
    expect(plans.find((p) => p.includes('campaign_coupons'))).toContain('SEARCH c USING COVERING INDEX campaign_coupons_campaign (campaign_id=?)');
    for (const plan of plans) expect(plan).not.toMatch(/SCAN (points_ledger|campaign_members|campaign_coupons|customers)\b/);
  });
});
