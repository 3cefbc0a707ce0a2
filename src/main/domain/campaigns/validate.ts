import type { CampaignAudience, CampaignMechanic } from '../../../shared/contract/campaigns';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { statement } from '../loyalty/ledger';
import { readLoyaltySettings } from '../loyalty/settings';

/**
 * Checks a campaign against the data (the contract already checked its shape):
 * everything it names must exist, and its mechanics must make sense together.
 */
export interface CampaignDraft {
  storeId: number | null;
  audience: CampaignAudience;
  mechanics: CampaignMechanic[];
  staffId: number;
}

const fail = (message: string): never => {
  throw new AppError('VALIDATION', message);
};

export function requireStaff(sqlite: Sqlite, staffId: number): void {
  if (!statement(sqlite, 'SELECT 1 FROM staff WHERE id = ?').get(staffId)) fail(`There is no staff member with id ${staffId}.`);
}

function checkAudience(sqlite: Sqlite, audience: CampaignAudience): void {
  if (audience.kind === 'tier') {
    const known = new Set(readLoyaltySettings(sqlite).tiers.map((t) => t.id));
    const unknown = audience.tierIds.filter((id) => !known.has(id));
    if (unknown.length > 0) fail(`The loyalty program has no tier named ${unknown.map((t) => `"${t}"`).join(', ')}.`);
  }
  if (audience.kind === 'group' && !statement(sqlite, 'SELECT 1 FROM community_groups WHERE id = ?').get(audience.groupId)) {
    fail(`There is no community group with id ${audience.groupId}.`);
  }
}

function checkMechanics(sqlite: Sqlite, draft: CampaignDraft): void {
  const kinds = draft.mechanics.map((m) => m.kind);
  const twice = kinds.find((kind, index) => kinds.indexOf(kind) !== index);
  if (twice) fail(`A campaign can have only one ${twice} mechanic.`);
  for (const mechanic of draft.mechanics) {
    if (mechanic.kind === 'coupon' && draft.storeId === null && !statement(sqlite, 'SELECT 1 FROM stores LIMIT 1').get()) {
      fail('A coupon drop needs a store to queue its codes for: add a store first.');
    }
    if (mechanic.kind === 'priceList') checkPrices(sqlite, mechanic.prices, draft.storeId);
  }
}

function checkPrices(sqlite: Sqlite, prices: { productId: number; priceMinor: number }[], storeId: number | null): void {
  const ids = prices.map((p) => p.productId);
  if (new Set(ids).size !== ids.length) fail('The price list names a product more than once.');
  const found = statement(sqlite, 'SELECT id, store_id AS storeId FROM products WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: number; storeId: number }[];
  const byId = new Map(found.map((p) => [p.id, p.storeId]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) fail(`The price list names products that do not exist: ${missing.slice(0, 5).join(', ')}.`);
  if (storeId !== null) {
    const elsewhere = ids.filter((id) => byId.get(id) !== storeId);
    if (elsewhere.length > 0) fail(`The price list names products of another store: ${elsewhere.slice(0, 5).join(', ')}.`);
  }
}

export function validateDraft(sqlite: Sqlite, draft: CampaignDraft): void {
  requireStaff(sqlite, draft.staffId);
  if (draft.storeId !== null && !statement(sqlite, 'SELECT 1 FROM stores WHERE id = ?').get(draft.storeId)) {
    fail(`There is no store with id ${draft.storeId}.`);
  }
  checkAudience(sqlite, draft.audience);
  checkMechanics(sqlite, draft);
}
