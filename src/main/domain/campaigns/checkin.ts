import type { ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { statement } from '../loyalty/ledger';
import { readLoyaltySettings } from '../loyalty/settings';
import { campaignRow, parseMechanics } from './rows';
import { awardStreaks } from './streak';
import { requireStaff } from './validate';

/**
 * campaigns.checkin: records a member's day (once per day: a second check-in
 * the same day is not an error, it records nothing) and posts any streak it
 * completes, in one transaction. Holdout members' check-ins are kept (the
 * report may count activity) but earn nothing.
 */
export function checkin(sqlite: Sqlite, input: ParsedInputOf<'campaigns.checkin'>, now: Date): { recorded: boolean; streakPoints: number } {
  return sqlite.transaction(() => {
    requireStaff(sqlite, input.staffId);
    const row = campaignRow(sqlite, input.campaignId);
    if (!row) throw new AppError('NOT_FOUND', `There is no campaign with id ${input.campaignId}.`);
    if (row.status !== 'launched') throw new AppError('VALIDATION', 'Check-ins are recorded only for a launched campaign.');
    const streak = parseMechanics(row.mechanics).find((m) => m.kind === 'streak');
    if (streak?.kind !== 'streak') throw new AppError('VALIDATION', 'This campaign has no check-in streak.');
    const first = row.starts_at.slice(0, 10);
    const last = new Date(Date.parse(row.ends_at) - 1).toISOString().slice(0, 10);
    if (input.day < first || input.day > last) {
      throw new AppError('VALIDATION', `The check-in day must fall within the campaign, ${first} to ${last}.`);
    }
    if (input.day > now.toISOString().slice(0, 10)) throw new AppError('VALIDATION', 'A check-in cannot be recorded for a day still to come.');
    const member = statement(sqlite, 'SELECT arm FROM campaign_members WHERE campaign_id = ? AND customer_id = ?')
      .get(input.campaignId, input.customerId) as { arm: 'treatment' | 'holdout' } | undefined;
    if (!member) throw new AppError('VALIDATION', 'This customer is not in the campaign\'s audience.');
    const { changes } = statement(sqlite,
      `INSERT INTO campaign_checkins (campaign_id, customer_id, day, source, staff_id, created_at) VALUES (?, ?, ?, 'staff', ?, ?)
       ON CONFLICT DO NOTHING`,
    ).run(input.campaignId, input.customerId, input.day, input.staffId, now.toISOString());
    if (member.arm === 'holdout') return { recorded: changes === 1, streakPoints: 0 };
    const ctx = { sqlite, now: () => now, callerTransaction: true };
    const campaign = { id: row.id, startsAt: row.starts_at, endsAt: row.ends_at, rule: streak };
    return { recorded: changes === 1, streakPoints: awardStreaks(ctx, campaign, input.customerId, readLoyaltySettings(sqlite)) };
  }).immediate();
}
