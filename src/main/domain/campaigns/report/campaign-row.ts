import { campaignMechanic, type CampaignMechanic } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { Sqlite } from '../../../db/connection';
import { statement } from '../../loyalty/ledger';

/**
 * The few columns of a campaign that the report, the draws and the calendar
 * read, straight from the row (the mechanics parsed with the contract's
 * schema), so that they do not depend on how the campaign's page is assembled.
 */
export interface LaunchedCampaign {
  id: number;
  name: string;
  storeId: number | null;
  startsAt: string;
  endsAt: string;
  holdoutPercent: number;
  launchedAt: string;
  cancelledAt: string | null;
  mechanics: CampaignMechanic[];
}

interface CampaignRow {
  id: number;
  name: string;
  status: 'draft' | 'launched' | 'cancelled';
  storeId: number | null;
  startsAt: string;
  endsAt: string;
  holdoutPercent: number;
  launchedAt: string | null;
  cancelledAt: string | null;
  mechanics: string;
}

function parseMechanics(text: string): CampaignMechanic[] {
  const parsed = campaignMechanic.array().safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : [];
}

/**
 * A campaign that was launched (it may have been stopped early since). A
 * missing one is NOT_FOUND; a draft, or one cancelled before its launch, has
 * no members yet: `notLaunched` says what the caller wanted to do.
 */
export function launchedCampaign(sqlite: Sqlite, id: number, notLaunched: string): LaunchedCampaign {
  const row = statement(sqlite,
    `SELECT id, name, status, store_id AS storeId, starts_at AS startsAt, ends_at AS endsAt,
       holdout_percent AS holdoutPercent, launched_at AS launchedAt, cancelled_at AS cancelledAt, mechanics
     FROM campaigns WHERE id = ?`,
  ).get(id) as CampaignRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no campaign with id ${id}.`);
  if (row.launchedAt === null) {
    const state = row.status === 'cancelled' ? 'was cancelled before it was launched' : 'is still a draft';
    throw new AppError('VALIDATION', `The campaign "${row.name}" ${state}: ${notLaunched}`);
  }
  // Stored instants may carry an offset (the contract accepts one): compare them as UTC.
  const utc = (iso: string) => new Date(iso).toISOString();
  return {
    ...row, startsAt: utc(row.startsAt), endsAt: utc(row.endsAt), launchedAt: utc(row.launchedAt),
    cancelledAt: row.cancelledAt === null ? null : utc(row.cancelledAt), mechanics: parseMechanics(row.mechanics),
  };
}
