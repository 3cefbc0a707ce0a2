import type { Leaderboard, LeaderboardName, LeaderboardRow } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';
import { requireGroup } from './groups';

/**
 * Leaderboards over a period of whole UTC days, `from` to `to` inclusive.
 * Each board is one indexed read grouped by customer:
 *   reviewers — feedback rows of the source 'review' (marketplace reviews and
 *     reviews entered by hand) that name a customer, by the day written
 *     (feedback_created index); surveys, CSAT, NPS and messages are not reviews;
 *   referrers — referral bonuses posted to the ledger (keys bonus:referral:<ref>,
 *     one per referral), a range of the ledger's idempotency-key index;
 *   points — points credited by earn and bonus entries, through the covering
 *     index of migration 0024, less the honours' own prizes (a board's prize
 *     must not count towards the next period's board; the honour row and its
 *     ledger entry carry the same instant).
 * A customer merged away folds into the one they were merged into (merge
 * chains followed): their ledger entries stay on the merged-away row, their
 * standing should not vanish with it. Ties go to the
 * lower customer id, so a board reads the same every time.
 */
export interface BoardQuery {
  board: LeaderboardName;
  from: string;
  to: string;
  groupId?: number;
  limit: number;
}

const DEFINITIONS: Record<LeaderboardName, string> = {
  reviewers: 'Reviews written in the period: feedback entries from marketplace or hand-entered reviews that name a customer (surveys, CSAT, NPS and messages do not count).',
  referrers: 'Referrals rewarded in the period: referral bonuses posted to the loyalty ledger, one per referred customer.',
  points: 'Points earned in the period: points credited for orders and bonuses (honours given by a leaderboard do not count).',
};

/** Each board's scores per customer; `filter` narrows the customers (a fragment on customer_id, or ''). */
function scoresSql(board: LeaderboardName, filter: string): string {
  switch (board) {
    case 'reviewers':
      return `SELECT customer_id AS customerId, count(*) AS score FROM feedback
         WHERE created_at >= @start AND created_at < @end AND source = 'review' AND customer_id IS NOT NULL ${filter}
         GROUP BY customer_id`;
    case 'referrers':
      return `SELECT customer_id AS customerId, count(*) AS score FROM points_ledger
         WHERE idempotency_key >= 'bonus:referral:' AND idempotency_key < 'bonus:referral;'
           AND entry_type = 'bonus' AND created_at >= @start AND created_at < @end ${filter}
         GROUP BY customer_id`;
    case 'points':
      return `SELECT customer_id AS customerId, sum(points) AS score FROM (
           SELECT customer_id, points FROM points_ledger
            WHERE points > 0 AND entry_type IN ('earn', 'bonus') AND created_at >= @start AND created_at < @end ${filter}
           UNION ALL
           SELECT customer_id, -points FROM honours WHERE points > 0 AND awarded_at >= @start AND awarded_at < @end ${filter})
         GROUP BY customer_id`;
  }
}

const IN_GROUP = 'AND customer_id IN (SELECT customer_id FROM community_members WHERE group_id = @groupId)';
const INVOLVED = 'AND customer_id IN (SELECT value FROM json_each(@involved))';
const NOT_INVOLVED = 'AND customer_id NOT IN (SELECT value FROM json_each(@involved))';

/**
 * Merges, source to the customer who stands for it now (chains followed).
 * A store has few merges next to its customers, so folding them in memory
 * costs nothing, where a join of every scored customer to the customers
 * table cost most of a year-long board's time.
 */
function mergeTargets(sqlite: Sqlite): Map<number, number> {
  const direct = new Map(
    sqlite.prepare<[], { source: number; target: number }>(
      'SELECT source_customer_id AS source, target_customer_id AS target FROM customer_merges',
    ).all().map((row) => [row.source, row.target]),
  );
  const resolved = new Map<number, number>();
  for (const source of direct.keys()) {
    let target = direct.get(source)!;
    for (let step = 0; step < 100 && direct.has(target); step++) target = direct.get(target)!;
    resolved.set(source, target);
  }
  return resolved;
}

/** The period's first instant and the instant after its last day. */
export function periodBounds(from: string, to: string): { start: string; end: string } {
  const end = new Date(`${to}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start: `${from}T00:00:00.000Z`, end: end.toISOString() };
}

export interface RankedScore { rank: number; customerId: number; score: number }

/**
 * The top of a board: ranks 1..n, ties broken by customer id. Customers
 * touched by a merge (either side) are scored apart and folded; everyone
 * else is ranked by SQLite, which only needs to return the first n of them:
 * a customer in the final top n is either untouched (so in the untouched
 * top n) or a merge's survivor (scored exactly).
 */
export function topScores(sqlite: Sqlite, query: BoardQuery): RankedScore[] {
  let members: ((customerId: number) => boolean) | null = null;
  if (query.groupId !== undefined) {
    requireGroup(sqlite, query.groupId);
    const member = sqlite.prepare<[number, number], { one: number }>(
      'SELECT 1 AS one FROM community_members WHERE group_id = ? AND customer_id = ?',
    );
    const groupId = query.groupId;
    members = (customerId) => member.get(groupId, customerId) !== undefined;
  }
  const { start, end } = periodBounds(query.from, query.to);
  const merges = mergeTargets(sqlite);
  const involved = [...new Set([...merges.keys(), ...merges.values()])];
  const params: Record<string, string | number> = { start, end, limit: query.limit, involved: JSON.stringify(involved) };
  if (query.groupId !== undefined) params.groupId = query.groupId;
  type Scored = { customerId: number; score: number };
  const untouched = sqlite
    .prepare<Record<string, string | number>, Scored>(
      `SELECT customerId, score FROM (${scoresSql(query.board, `${NOT_INVOLVED} ${query.groupId === undefined ? '' : IN_GROUP}`)})
        WHERE score > 0 ORDER BY score DESC, customerId LIMIT @limit`,
    )
    .all(params);
  const folded = new Map<number, number>();
  if (involved.length > 0) {
    const { limit: _limit, groupId: _groupId, ...touchedParams } = params;
    const touched = sqlite.prepare<Record<string, string | number>, Scored>(scoresSql(query.board, INVOLVED)).all(touchedParams);
    for (const row of touched) {
      const stands = merges.get(row.customerId) ?? row.customerId;
      folded.set(stands, (folded.get(stands) ?? 0) + row.score);
    }
  }
  const candidates = [
    ...untouched,
    ...[...folded].map(([customerId, score]) => ({ customerId, score }))
      .filter((row) => row.score > 0 && (members === null || members(row.customerId))),
  ];
  candidates.sort((a, b) => b.score - a.score || a.customerId - b.customerId);
  return candidates.slice(0, query.limit).map((row, index) => ({ rank: index + 1, customerId: row.customerId, score: row.score }));
}

export function honouredCustomers(sqlite: Sqlite, query: BoardQuery, customerIds: readonly number[]): Set<number> {
  const lookup = sqlite.prepare<[string, string, string, number], { one: number }>(
    'SELECT 1 AS one FROM honours WHERE board = ? AND period_from = ? AND period_to = ? AND customer_id = ?',
  );
  return new Set(customerIds.filter((id) => lookup.get(query.board, query.from, query.to, id) !== undefined));
}

export function leaderboard(sqlite: Sqlite, query: BoardQuery): Leaderboard {
  const top = topScores(sqlite, query);
  const ids = top.map((row) => row.customerId);
  const names = new Map(
    sqlite
      .prepare<[string], { id: number; name: string | null }>(
        `SELECT id, nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), '') AS name
           FROM customers WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids))
      .map((row) => [row.id, row.name]),
  );
  const honoured = honouredCustomers(sqlite, query, ids);
  const rows: LeaderboardRow[] = top.map((row) => ({
    rank: row.rank, customerId: row.customerId, name: names.get(row.customerId) ?? null, score: row.score,
    honoured: honoured.has(row.customerId),
  }));
  return { board: query.board, from: query.from, to: query.to, definition: DEFINITIONS[query.board], rows };
}
