import type { MemberPage, MemberRow, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { balanceOf, replay, type LedgerRow } from '../loyalty/lots';
import { readLoyaltySettings } from '../loyalty/settings';
import { requireGroup } from './groups';

/**
 * One page of a group's members in name order (last name, first name, id),
 * with a keyset cursor, so a page never re-reads the ones before it. Each
 * row's points balance and tier come from two batched reads for the whole
 * page (the ledger rows of the page's customers, their held tiers), never
 * one read per row.
 */
type ListInput = ParsedInputOf<'community.members.list'>;

interface Position { last: string; first: string; id: number }

function encode(position: Position): string {
  return Buffer.from(JSON.stringify([position.last, position.first, position.id]), 'utf8').toString('base64url');
}

function decode(cursor: string): Position {
  try {
    const [last, first, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof last === 'string' && typeof first === 'string' && typeof id === 'number') return { last, first, id };
  } catch {
    // falls through to the sentence below
  }
  throw new AppError('VALIDATION', 'The request is not valid: cursor is not one this list gave out; start again from the first page.');
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** A search term matches the start of the first name, the last name, "first last", or the email. */
function searchCondition(search: string | undefined): { where: string; values: Record<string, string> } {
  const term = search?.trim();
  if (!term) return { where: '', values: {} };
  return {
    where: `AND (c.first_name LIKE @term ESCAPE '\\' OR c.last_name LIKE @term ESCAPE '\\'
      OR (coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) LIKE @term ESCAPE '\\'
      OR c.email LIKE @term ESCAPE '\\')`,
    values: { term: `${escapeLike(term)}%` },
  };
}

const LAST = "coalesce(c.last_name, '') COLLATE NOCASE";
const FIRST = "coalesce(c.first_name, '') COLLATE NOCASE";

interface Row extends Omit<MemberRow, 'pointsBalance' | 'tierName'> { last: string; first: string }

export function listMembers(sqlite: Sqlite, input: ListInput, now: Date): MemberPage {
  requireGroup(sqlite, input.groupId);
  const search = searchCondition(input.search);
  const after = input.cursor ? decode(input.cursor) : null;
  const keyset = after === null ? '' : `AND (${LAST} > @last OR (${LAST} = @last AND (${FIRST} > @first OR (${FIRST} = @first AND c.id > @id))))`;
  const from = `FROM community_members m JOIN customers c ON c.id = m.customer_id WHERE m.group_id = @groupId ${search.where}`;
  const params = { groupId: input.groupId, ...search.values, ...(after ?? {}) };
  const rows = sqlite
    .prepare<Record<string, unknown>, Row>(
      `SELECT c.id AS customerId, nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), '') AS name,
          c.email, m.role, m.source, m.joined_at AS joinedAt, coalesce(c.last_name, '') AS last, coalesce(c.first_name, '') AS first
        ${from} ${keyset} ORDER BY ${LAST}, ${FIRST}, c.id LIMIT ${input.limit + 1}`,
    )
    .all(params);
  // Without a search the count needs no customer rows: the primary key's range is the answer.
  const total = search.where === ''
    ? sqlite.prepare<[number], number>('SELECT count(*) FROM community_members WHERE group_id = ?').pluck().get(input.groupId)!
    : sqlite.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n ${from}`).get({ groupId: input.groupId, ...search.values })!.n;
  const page = rows.slice(0, input.limit);
  const figures = pointsAndTiers(sqlite, page.map((row) => row.customerId), now);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ last: _l, first: _f, ...row }) => ({ ...row, ...(figures.get(row.customerId) ?? { pointsBalance: 0, tierName: null }) })),
    total,
    nextCursor: rows.length > input.limit && last ? encode({ last: last.last, first: last.first, id: last.customerId }) : null,
  };
}

interface Figures { pointsBalance: number; tierName: string | null }

/** Balances (spendable points now) and held tiers of a page of customers, in two reads. */
export function pointsAndTiers(sqlite: Sqlite, customerIds: readonly number[], now: Date): Map<number, Figures> {
  const result = new Map<number, Figures>();
  if (customerIds.length === 0) return result;
  const ids = JSON.stringify(customerIds);
  const entries = sqlite
    .prepare<[string], LedgerRow & { customerId: number }>(
      `SELECT customer_id AS customerId, id, entry_type AS entryType, points, order_id AS orderId,
          idempotency_key AS idempotencyKey, available_at AS availableAt, expires_at AS expiresAt, created_at AS createdAt
        FROM points_ledger WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY customer_id, id`,
    )
    .all(ids);
  const byCustomer = new Map<number, LedgerRow[]>();
  for (const entry of entries) {
    let list = byCustomer.get(entry.customerId);
    if (!list) byCustomer.set(entry.customerId, (list = []));
    list.push(entry);
  }
  const tierNames = new Map(readLoyaltySettings(sqlite).tiers.map((tier) => [tier.id, tier.name]));
  const held = new Map(
    sqlite
      .prepare<[string], { customerId: number; tierId: string }>(
        'SELECT customer_id AS customerId, tier_id AS tierId FROM customer_tiers WHERE customer_id IN (SELECT value FROM json_each(?))',
      )
      .all(ids)
      .map((row) => [row.customerId, row.tierId]),
  );
  for (const id of customerIds) {
    const tierId = held.get(id);
    result.set(id, {
      pointsBalance: balanceOf(replay(byCustomer.get(id) ?? []), now).approved,
      tierName: tierId === undefined ? null : (tierNames.get(tierId) ?? null),
    });
  }
  return result;
}
