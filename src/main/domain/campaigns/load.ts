import type { CampaignDetail, CampaignSummary } from '../../../shared/contract/campaigns';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { statement } from '../loyalty/ledger';
import { campaignKeyRange, campaignRow, effectiveStatus, parseAudience, parseMechanics, type CampaignRow } from './rows';

/** The list's view of a row; arm counts come from the frozen members (null before launch). */
export function summaryOf(row: CampaignRow, arms: { treatment: number; holdout: number } | null, now: Date): CampaignSummary {
  return {
    id: row.id, name: row.name, goal: row.goal, status: effectiveStatus(row, now), storeId: row.store_id,
    startsAt: row.starts_at, endsAt: row.ends_at, holdoutPercent: row.holdout_percent,
    mechanicKinds: parseMechanics(row.mechanics).map((m) => m.kind),
    audienceCount: row.audience_count, treatmentCount: arms?.treatment ?? null, holdoutCount: arms?.holdout ?? null,
    excludedNoConsent: row.excluded_no_consent, launchedAt: row.launched_at, version: row.version,
  };
}

export function armCounts(sqlite: Sqlite, id: number): { treatment: number; holdout: number } {
  const rows = statement(sqlite, 'SELECT arm, count(*) AS n FROM campaign_members WHERE campaign_id = ? GROUP BY arm')
    .all(id) as { arm: 'treatment' | 'holdout'; n: number }[];
  return { treatment: rows.find((r) => r.arm === 'treatment')?.n ?? 0, holdout: rows.find((r) => r.arm === 'holdout')?.n ?? 0 };
}

function delivered(sqlite: Sqlite, id: number): CampaignDetail['delivered'] {
  const [from, to] = campaignKeyRange(id);
  const points = statement(sqlite,
    'SELECT coalesce(sum(points), 0) AS points, count(*) AS n FROM points_ledger WHERE idempotency_key >= ? AND idempotency_key < ?',
  ).get(from, to) as { points: number; n: number };
  const coupons = statement(sqlite,
    `SELECT count(*) AS issued,
       coalesce(sum(EXISTS (SELECT 1 FROM outbox o WHERE o.idempotency_key = 'campaign-coupon:' || c.id || ':create')), 0) AS queued
     FROM campaign_coupons c WHERE c.campaign_id = ?`,
  ).get(id) as { issued: number; queued: number };
  const checkins = statement(sqlite, 'SELECT count(*) AS n FROM campaign_checkins WHERE campaign_id = ?').get(id) as { n: number };
  return { pointsPosted: points.points, postings: points.n, couponsIssued: coupons.issued, couponsQueued: coupons.queued,
    checkins: checkins.n };
}

/** One campaign whole; NOT_FOUND with a sentence when there is none. */
export function loadCampaign(sqlite: Sqlite, id: number, now: Date): CampaignDetail {
  const row = campaignRow(sqlite, id);
  if (!row) throw new AppError('NOT_FOUND', `There is no campaign with id ${id}.`);
  const launchedBy = row.launched_by === null ? null
    : (statement(sqlite, 'SELECT name FROM staff WHERE id = ?').get(row.launched_by) as { name: string } | undefined)?.name ?? null;
  return {
    ...summaryOf(row, row.launched_at === null ? null : armCounts(sqlite, id), now),
    audience: parseAudience(row.audience), mechanics: parseMechanics(row.mechanics), note: row.note,
    createdAt: row.created_at, updatedAt: row.updated_at, launchedBy, delivered: delivered(sqlite, id),
  };
}
