import type { DrawView } from '../../../../shared/contract';
import type { Sqlite } from '../../../db/connection';
import { statement } from '../../loyalty/ledger';

/**
 * Draws as the contract shows them. The row keeps what verification needs
 * verbatim (seed, the canonical entrant text, its hash, the winners in draw
 * order with the prize each got: "<n> points" or the coupon's code); names
 * are looked up when shown, so a renamed customer shows the new name.
 */
export interface SavedWinner {
  customerId: number;
  rank: number;
  prize: string;
}

export interface DrawRow {
  id: number;
  campaignId: number;
  name: string;
  weighting: DrawView['weighting'];
  winnersCount: number;
  seed: string;
  entrants: string;
  entrantsHash: string;
  winners: string;
  runAt: string;
  runBy: number | null;
  runByName: string | null;
}

const SELECT = `SELECT d.id, d.campaign_id AS campaignId, d.name, d.weighting, d.winners_count AS winnersCount, d.seed,
    d.entrants, d.entrants_hash AS entrantsHash, d.winners, d.run_at AS runAt, d.run_by AS runBy, s.name AS runByName
  FROM draws d LEFT JOIN staff s ON s.id = d.run_by`;

export function drawRowById(sqlite: Sqlite, id: number): DrawRow | undefined {
  return statement(sqlite, `${SELECT} WHERE d.id = ?`).get(id) as DrawRow | undefined;
}

export function drawRowByKey(sqlite: Sqlite, key: string): DrawRow | undefined {
  return statement(sqlite, `${SELECT} WHERE d.idempotency_key = ?`).get(key) as DrawRow | undefined;
}

function customerNames(sqlite: Sqlite, ids: readonly number[]): Map<number, string | null> {
  const names = new Map<number, string | null>();
  const read = statement(sqlite,
    `SELECT nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), '') AS name FROM customers WHERE id = ?`);
  for (const id of ids) names.set(id, (read.get(id) as { name: string | null } | undefined)?.name ?? null);
  return names;
}

/** A saved list someone tampered with into something unreadable still shows; draws.verify says what is wrong. */
function entrantCount(entrants: string): number {
  try {
    const parsed: unknown = JSON.parse(entrants);
    return Array.isArray(parsed) ? parsed.length : 0;
  } catch {
    return 0;
  }
}

export function drawView(sqlite: Sqlite, row: DrawRow): DrawView {
  const winners = JSON.parse(row.winners) as SavedWinner[];
  const names = customerNames(sqlite, winners.map((w) => w.customerId));
  return {
    id: row.id,
    campaignId: row.campaignId,
    name: row.name,
    weighting: row.weighting,
    seed: row.seed,
    entrantsCount: entrantCount(row.entrants),
    entrantsHash: row.entrantsHash,
    winners: winners.map((w) => ({ customerId: w.customerId, name: names.get(w.customerId) ?? null, rank: w.rank, prize: w.prize })),
    runAt: row.runAt,
    runBy: row.runByName,
  };
}

export function listDraws(sqlite: Sqlite, campaignId: number): { draws: DrawView[] } {
  const rows = statement(sqlite, `${SELECT} WHERE d.campaign_id = ? ORDER BY d.id`).all(campaignId) as DrawRow[];
  return { draws: rows.map((row) => drawView(sqlite, row)) };
}
