import type { RewardKind, RewardsList, RewardView } from '../../../shared/contract';
import type { rewardSaveInput } from '../../../shared/contract/loyalty-rewards';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { statement } from './ledger';

/** The rewards catalog: what points buy. Archived rewards stay for the coupons that name them. */

interface RewardRow {
  id: number;
  name: string;
  kind: RewardKind;
  pointsCost: number;
  valueMinor: number | null;
  percent: number | null;
  productId: number | null;
  productTitle: string | null;
  minOrderMinor: number;
  limitPerCustomer: number | null;
  active: 0 | 1;
  issuedCount: number;
  createdAt: string;
  updatedAt: string;
}

const SELECT = `SELECT r.id, r.name, r.kind, r.points_cost AS pointsCost, r.value_minor AS valueMinor, r.percent,
    r.product_id AS productId, p.title AS productTitle, r.min_order_minor AS minOrderMinor,
    r.limit_per_customer AS limitPerCustomer, r.active, r.created_at AS createdAt, r.updated_at AS updatedAt,
    (SELECT count(*) FROM coupons c WHERE c.reward_id = r.id AND c.status <> 'void') AS issuedCount
  FROM rewards r LEFT JOIN products p ON p.id = r.product_id`;

function view(row: RewardRow): RewardView {
  return { ...row, active: row.active === 1 };
}

export function rewardById(sqlite: Sqlite, id: number): RewardView | undefined {
  const row = statement(sqlite, `${SELECT} WHERE r.id = ?`).get(id) as RewardRow | undefined;
  return row && view(row);
}

/** Editing an unknown reward is NOT_FOUND; redeeming one is bad input (VALIDATION). */
export function requireReward(sqlite: Sqlite, id: number, code: 'NOT_FOUND' | 'VALIDATION' = 'NOT_FOUND'): RewardView {
  const reward = rewardById(sqlite, id);
  if (!reward) throw new AppError(code, `There is no reward with id ${id}.`);
  return reward;
}

/** Cheapest first, then by name: the order a customer would browse them in. */
export function listRewards(sqlite: Sqlite, includeInactive = false): RewardsList {
  const rows = statement(sqlite,
    `${SELECT} WHERE r.active = 1 OR ? = 1 ORDER BY r.active DESC, r.points_cost, r.name, r.id`,
  ).all(includeInactive ? 1 : 0) as RewardRow[];
  return { rewards: rows.map(view) };
}

type RewardSave = z.output<typeof rewardSaveInput>;

/** Creates or updates a reward (validated by kind in the contract); issued coupons keep their own copy of the terms. */
export function saveReward(sqlite: Sqlite, input: RewardSave, now: Date): RewardView {
  const at = now.toISOString();
  return sqlite.transaction(() => {
    if (input.productId !== null && !statement(sqlite, 'SELECT 1 FROM products WHERE id = ?').get(input.productId)) {
      throw new AppError('VALIDATION', `There is no product with id ${input.productId} to give.`);
    }
    const values = [input.name, input.kind, input.pointsCost, input.valueMinor, input.percent, input.productId,
      input.minOrderMinor, input.limitPerCustomer, input.active ? 1 : 0, at];
    if (input.id === undefined) {
      const { lastInsertRowid } = statement(sqlite,
        `INSERT INTO rewards (name, kind, points_cost, value_minor, percent, product_id, min_order_minor,
           limit_per_customer, active, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...values, at);
      return requireReward(sqlite, Number(lastInsertRowid));
    }
    requireReward(sqlite, input.id);
    statement(sqlite,
      `UPDATE rewards SET name = ?, kind = ?, points_cost = ?, value_minor = ?, percent = ?, product_id = ?,
         min_order_minor = ?, limit_per_customer = ?, active = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, input.id);
    return requireReward(sqlite, input.id);
  })();
}

export function archiveReward(sqlite: Sqlite, id: number, now: Date): RewardView {
  return sqlite.transaction(() => {
    requireReward(sqlite, id);
    statement(sqlite, 'UPDATE rewards SET active = 0, updated_at = ? WHERE id = ?').run(now.toISOString(), id);
    return requireReward(sqlite, id);
  })();
}
