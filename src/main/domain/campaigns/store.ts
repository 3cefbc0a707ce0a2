import { randomBytes } from 'node:crypto';
import type { CampaignDetail, CampaignList, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { statement } from '../loyalty/ledger';
import { armCounts, loadCampaign, summaryOf } from './load';
import { campaignRow, effectiveStatus, type CampaignRow } from './rows';
import { requireStaff, validateDraft } from './validate';

/** Campaign drafts: create, edit (draft only, version-checked), cancel, list. Every write audited in its transaction. */
type CreateInput = ParsedInputOf<'campaigns.create'>;
type UpdateInput = ParsedInputOf<'campaigns.update'>;

const stored = (input: CreateInput) => [input.name, input.goal, input.storeId, new Date(input.startsAt).toISOString(),
  new Date(input.endsAt).toISOString(), JSON.stringify(input.audience), input.holdoutPercent, JSON.stringify(input.mechanics),
  input.note] as const;

/** `options.salt`: a fixed holdout salt (the demo store, whose content must follow from its seed); random otherwise. */
export function createCampaign(sqlite: Sqlite, input: CreateInput, now: Date, options: { salt?: string } = {}): CampaignDetail {
  const at = now.toISOString();
  const id = sqlite.transaction(() => {
    validateDraft(sqlite, input);
    // The salt is random and kept: the holdout split is fixed from the moment the campaign exists.
    const salt = options.salt ?? randomBytes(16).toString('hex');
    const { lastInsertRowid } = statement(sqlite,
      `INSERT INTO campaigns (name, goal, store_id, starts_at, ends_at, audience, holdout_percent, mechanics, note,
         holdout_salt, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...stored(input), salt, input.staffId, at, at);
    const created = Number(lastInsertRowid);
    recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'campaign', entityId: created, action: 'campaign.create',
      detail: { name: input.name } });
    return created;
  }).immediate();
  return loadCampaign(sqlite, id, now);
}

function requireDraft(row: CampaignRow | undefined, id: number): CampaignRow {
  if (!row) throw new AppError('NOT_FOUND', `There is no campaign with id ${id}.`);
  if (row.status === 'launched') throw new AppError('CONFLICT', 'This campaign has been launched: its audience and rewards are fixed and it can no longer be edited.');
  if (row.status === 'cancelled') throw new AppError('CONFLICT', 'This campaign was cancelled and can no longer be edited.');
  return row;
}

export function updateCampaign(sqlite: Sqlite, input: UpdateInput, now: Date): CampaignDetail {
  const at = now.toISOString();
  sqlite.transaction(() => {
    const row = requireDraft(campaignRow(sqlite, input.id), input.id);
    if (row.version !== input.version) {
      throw new AppError('CONFLICT', 'Someone else changed this campaign since you opened it: reload it to see their changes, then edit again.');
    }
    validateDraft(sqlite, input);
    statement(sqlite,
      `UPDATE campaigns SET name = ?, goal = ?, store_id = ?, starts_at = ?, ends_at = ?, audience = ?, holdout_percent = ?,
         mechanics = ?, note = ?, version = version + 1, updated_at = ? WHERE id = ?`,
    ).run(...stored(input), at, input.id);
    recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'campaign', entityId: input.id, action: 'campaign.update',
      detail: { version: input.version + 1 } });
  }).immediate();
  return loadCampaign(sqlite, input.id, now);
}

/** Cancels a draft, or stops a launched campaign early (what was posted stays; its window ends now). */
export function cancelCampaign(sqlite: Sqlite, input: { id: number; staffId: number }, now: Date): CampaignDetail {
  const at = now.toISOString();
  sqlite.transaction(() => {
    requireStaff(sqlite, input.staffId);
    const row = campaignRow(sqlite, input.id);
    if (!row) throw new AppError('NOT_FOUND', `There is no campaign with id ${input.id}.`);
    if (row.status === 'cancelled') throw new AppError('CONFLICT', 'This campaign is already cancelled.');
    if (row.status === 'launched' && Date.parse(row.ends_at) <= now.getTime()) {
      throw new AppError('CONFLICT', 'This campaign has already ended: there is nothing left to stop.');
    }
    // A launched campaign keeps its members and postings for the report; stopping it early ends its window now.
    const endsAt = row.status === 'launched' && Date.parse(row.starts_at) < now.getTime() ? at : row.ends_at;
    statement(sqlite, `UPDATE campaigns SET status = 'cancelled', cancelled_at = ?, ends_at = ?, version = version + 1,
        updated_at = ? WHERE id = ?`).run(at, endsAt, at, input.id);
    recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'campaign', entityId: input.id, action: 'campaign.cancel',
      detail: { wasLaunched: row.status === 'launched' } });
  }).immediate();
  return loadCampaign(sqlite, input.id, now);
}

export function listCampaigns(sqlite: Sqlite, input: ParsedInputOf<'campaigns.list'>, now: Date): CampaignList {
  const search = input.search ? `%${input.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null;
  const rows = statement(sqlite,
    `SELECT * FROM campaigns WHERE (? IS NULL OR name LIKE ? ESCAPE '\\') ORDER BY id DESC`).all(search, search) as CampaignRow[];
  const wanted = input.status && input.status.length > 0 ? new Set(input.status) : null;
  const campaigns = rows
    .filter((row) => wanted === null || wanted.has(effectiveStatus(row, now)))
    .map((row) => summaryOf(row, row.launched_at === null ? null : armCounts(sqlite, row.id), now));
  return { campaigns };
}
