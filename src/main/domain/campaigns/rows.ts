import {
  campaignAudience, campaignMechanic, type CampaignAudience, type CampaignMechanic, type CampaignStatus,
} from '../../../shared/contract/campaigns';
import type { Sqlite } from '../../db/connection';
import { statement } from '../loyalty/ledger';

/** A campaign row as stored, JSON columns still text. */
export interface CampaignRow {
  id: number;
  name: string;
  goal: 'reactivate' | 'upsell' | 'reward';
  status: 'draft' | 'launched' | 'cancelled';
  store_id: number | null;
  starts_at: string;
  ends_at: string;
  audience: string;
  holdout_percent: number;
  holdout_salt: string;
  mechanics: string;
  note: string | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  launched_at: string | null;
  launched_by: number | null;
  audience_count: number | null;
  excluded_no_consent: number | null;
  cancelled_at: string | null;
}

export function campaignRow(sqlite: Sqlite, id: number): CampaignRow | undefined {
  return statement(sqlite, 'SELECT * FROM campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
}

// Written by this area through the contract's schemas; parsed again so a hand-edited row fails loudly, not silently.
export const parseAudience = (text: string): CampaignAudience => campaignAudience.parse(JSON.parse(text));
export const parseMechanics = (text: string): CampaignMechanic[] => campaignMechanic.array().parse(JSON.parse(text));

/** The status the merchant sees: a launched campaign is scheduled, running or ended by its window. */
export function effectiveStatus(row: Pick<CampaignRow, 'status' | 'starts_at' | 'ends_at'>, now: Date): CampaignStatus {
  if (row.status !== 'launched') return row.status;
  const at = now.getTime();
  if (at < Date.parse(row.starts_at)) return 'scheduled';
  return at < Date.parse(row.ends_at) ? 'running' : 'ended';
}

/** Ledger keys of a campaign are `campaign:<id>:…`: a range on the unique key index finds them all. */
export const campaignKeyRange = (id: number): [string, string] => [`campaign:${id}:`, `campaign:${id};`];
