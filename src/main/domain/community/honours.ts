import type { HonoursResult, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { post } from '../loyalty/ledger';
import { creditExpiry } from '../loyalty/program';
import { readLoyaltySettings } from '../loyalty/settings';
import { topScores } from './leaderboards';
import { requireStaff } from './staff';

/**
 * `leaderboards.award`: the top N of a board get an honour (a badge) and,
 * when points are given, a bonus through the ledger. Once per board, period
 * and customer, twice over: the honours table's UNIQUE row, and the ledger
 * key honour:<board>:<from>:<to>:<customerId>. The board is read and the
 * honours written in one IMMEDIATE transaction, so a second click or a
 * second staff member awarding the same period finds the first one's honours
 * and posts nothing again.
 */
type AwardInput = ParsedInputOf<'leaderboards.award'>;

export function honourKey(input: Pick<AwardInput, 'board' | 'from' | 'to'>, customerId: number): string {
  return `honour:${input.board}:${input.from}:${input.to}:${customerId}`;
}

const BOARD_LABELS = { reviewers: 'top reviewers', referrers: 'top referrers', points: 'most points earned' } as const;

export function awardHonours(sqlite: Sqlite, input: AwardInput, now: Date): HonoursResult {
  const at = now.toISOString();
  const ledger = { sqlite, now: () => now };
  return sqlite.transaction(() => {
    requireStaff(sqlite, input.staffId);
    const settings = readLoyaltySettings(sqlite);
    if (input.points > 0 && !settings.enabled) {
      throw new AppError('VALIDATION', 'The loyalty program is switched off, so no bonus points can be given: award the badge with 0 points, or switch the program on.');
    }
    const top = topScores(sqlite, { board: input.board, from: input.from, to: input.to, groupId: input.groupId, limit: input.top });
    if (top.length === 0) {
      throw new AppError('VALIDATION', `Nobody is on the ${BOARD_LABELS[input.board]} board for ${input.from} to ${input.to}, so there is no one to honour.`);
    }
    const existing = sqlite.prepare<[string, string, string, number], { id: number }>(
      'SELECT id FROM honours WHERE board = ? AND period_from = ? AND period_to = ? AND customer_id = ?',
    );
    const insert = sqlite.prepare(
      `INSERT INTO honours (customer_id, board, period_from, period_to, rank, badge, points, ledger_entry_id, staff_id, awarded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const result: HonoursResult = { awarded: 0, alreadyHonoured: 0, pointsPosted: 0 };
    for (const row of top) {
      if (existing.get(input.board, input.from, input.to, row.customerId)) {
        result.alreadyHonoured += 1;
        continue;
      }
      let ledgerEntryId: number | null = null;
      if (input.points > 0) {
        const posting = post(ledger, {
          customerId: row.customerId, entryType: 'bonus', points: input.points,
          idempotencyKey: honourKey(input, row.customerId), expiresAt: creditExpiry(settings, now.getTime()),
          reason: `${input.badge} (${BOARD_LABELS[input.board]}, ${input.from} to ${input.to}, rank ${row.rank})`,
          staffId: input.staffId,
        });
        ledgerEntryId = posting.entry.id;
        if (!posting.replayed) result.pointsPosted += input.points;
      }
      insert.run(row.customerId, input.board, input.from, input.to, row.rank, input.badge, input.points, ledgerEntryId,
        input.staffId, at);
      result.awarded += 1;
      // On the customer's own trail, where staff look for why points arrived.
      recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'customer', entityId: row.customerId, action: 'honour.award',
        detail: { board: input.board, from: input.from, to: input.to, groupId: input.groupId ?? null, rank: row.rank,
          badge: input.badge, points: input.points, ledgerEntryId } });
    }
    return result;
  }).immediate();
}
