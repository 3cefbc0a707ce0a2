import type { LaunchResult, LoyaltySettings } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { readLoyaltySettings } from '../loyalty/settings';
import { resolveAudience } from './audience';
import { armCounts, loadCampaign } from './load';
import { postMechanics, type LaunchTotals } from './mechanics';
import { holdoutArm } from './holdout';
import { campaignRow, parseMechanics, type CampaignRow } from './rows';
import { validateDraft } from './validate';

/**
 * campaigns.launch: ONE IMMEDIATE transaction. The write lock is taken before
 * the status is read, so a second click, a retried request (same launchKey)
 * or a second staff member launching from another connection waits, then
 * finds the campaign launched and posts nothing. Inside: the audience is
 * resolved and frozen with each member's arm, and the treatment's rewards are
 * posted; any failure rolls all of it back.
 */
export interface LaunchRequest {
  id: number;
  staffId: number;
  launchKey: string;
}

export type LaunchProgress = (done: number, total: number, phase: string) => void;

export interface LaunchOptions {
  progress?: LaunchProgress;
  /** Coupon codes from a seeded generator (the demo store); crypto-random otherwise. */
  couponCode?: () => string;
}

function alreadyLaunched(sqlite: Sqlite, row: CampaignRow, now: Date): LaunchResult {
  const campaign = loadCampaign(sqlite, row.id, now);
  return { campaign, launchedNow: false, treatment: campaign.treatmentCount ?? 0, holdout: campaign.holdoutCount ?? 0,
    pointsPosted: 0, couponsIssued: 0 };
}

function freezeMembers(sqlite: Sqlite, row: CampaignRow, eligibleIds: readonly number[]): number[] {
  const insert = sqlite.prepare('INSERT INTO campaign_members (campaign_id, customer_id, arm) VALUES (?, ?, ?)');
  const treatment: number[] = [];
  for (const customerId of eligibleIds) {
    const arm = holdoutArm(row.holdout_salt, customerId, row.holdout_percent);
    insert.run(row.id, customerId, arm);
    if (arm === 'treatment') treatment.push(customerId);
  }
  return treatment;
}

function launchOnce(sqlite: Sqlite, request: LaunchRequest, now: Date, options: LaunchOptions): LaunchResult {
  const progress = options.progress ?? (() => undefined);
  const row = campaignRow(sqlite, request.id);
  if (!row) throw new AppError('NOT_FOUND', `There is no campaign with id ${request.id}.`);
  if (row.status === 'launched') return alreadyLaunched(sqlite, row, now);
  if (row.status === 'cancelled') throw new AppError('CONFLICT', 'This campaign was cancelled and cannot be launched.');
  if (Date.parse(row.ends_at) <= now.getTime()) {
    throw new AppError('VALIDATION', 'This campaign\'s window has already ended: move its end date before launching it.');
  }
  const mechanics = parseMechanics(row.mechanics);
  validateDraft(sqlite, { storeId: row.store_id, audience: JSON.parse(row.audience), mechanics, staffId: request.staffId });
  const audience = resolveAudience(sqlite, JSON.parse(row.audience), row.store_id, now);
  if (audience.eligibleIds.length === 0) {
    throw new AppError('VALIDATION', audience.matched === 0
      ? 'Nobody matches this audience yet, so there is nobody to launch the campaign for.'
      : `All ${audience.matched} customers in this audience have declined marketing, so there is nobody to launch the campaign for.`);
  }
  progress(0, audience.eligibleIds.length, 'members');
  const treatment = freezeMembers(sqlite, row, audience.eligibleIds);
  const at = now.toISOString();
  sqlite.prepare(`UPDATE campaigns SET status = 'launched', launched_at = ?, launched_by = ?, audience_count = ?,
      excluded_no_consent = ?, version = version + 1, updated_at = ? WHERE id = ?`)
    .run(at, request.staffId, audience.eligibleIds.length, audience.excludedNoConsent, at, row.id);
  const settings: LoyaltySettings = readLoyaltySettings(sqlite);
  const totals: LaunchTotals = postMechanics(sqlite, { ...row, launched_at: at }, mechanics, treatment, settings, now, progress,
    options.couponCode);
  recordAudit(sqlite, { at, staffId: request.staffId, entityType: 'campaign', entityId: row.id, action: 'campaign.launch',
    detail: { launchKey: request.launchKey, members: audience.eligibleIds.length, treatment: treatment.length,
      excludedNoConsent: audience.excludedNoConsent, pointsPosted: totals.pointsPosted, couponsIssued: totals.couponsIssued } });
  const arms = armCounts(sqlite, row.id);
  return { campaign: loadCampaign(sqlite, row.id, now), launchedNow: true, treatment: arms.treatment, holdout: arms.holdout,
    pointsPosted: totals.pointsPosted, couponsIssued: totals.couponsIssued };
}

export function launchCampaign(sqlite: Sqlite, request: LaunchRequest, now: Date, options: LaunchOptions = {}): LaunchResult {
  return sqlite.transaction(() => launchOnce(sqlite, request, now, options)).immediate();
}
