import type { DrawEntrant, DrawVerification } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { Sqlite } from '../../../db/connection';
import { drawWinners, sha256Hex } from './algorithm';
import { currentEntrants } from './entrants';
import { drawRowById, type DrawRow, type SavedWinner } from './view';

/**
 * draws.verify: three independent checks of a saved draw.
 * 1. Intact: the SHA-256 of the saved entrant text still equals the saved hash.
 * 2. Same winners: re-running the algorithm from the saved seed over the saved
 *    entrants picks the recorded winners, in the recorded order.
 * 3. Changed since: the entrants the campaign would give today (members merged
 *    away, tiers or balances moved) against the saved list. This does not
 *    make the draw wrong; it says why a re-draw today would differ.
 */
function parseEntrants(text: string): DrawEntrant[] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return null;
    const valid = parsed.every((e: unknown) => typeof e === 'object' && e !== null
      && Number.isInteger((e as DrawEntrant).customerId) && typeof (e as DrawEntrant).weight === 'number'
      && (e as DrawEntrant).weight > 0);
    return valid ? (parsed as DrawEntrant[]) : null;
  } catch {
    return null;
  }
}

function sameOrder(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

function changesSince(saved: readonly DrawEntrant[], today: readonly DrawEntrant[]): DrawVerification['entrantsChangedSince'] {
  const before = new Map(saved.map((e) => [e.customerId, e.weight]));
  let added = 0;
  let reweighted = 0;
  for (const entrant of today) {
    const weight = before.get(entrant.customerId);
    if (weight === undefined) added += 1;
    else if (weight !== entrant.weight) reweighted += 1;
    before.delete(entrant.customerId);
  }
  return { added, removed: before.size, reweighted };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function message(intact: boolean, same: boolean, winners: number, changed: DrawVerification['entrantsChangedSince']): string {
  if (!intact) {
    return 'The saved entrant list no longer matches its fingerprint: it was changed after the draw, so this draw cannot be trusted.';
  }
  if (!same) {
    return 'Re-running the draw from its seed and saved entrants picks other winners than those recorded, so the recorded winners cannot be trusted.';
  }
  const verified = `The draw checks out: the saved entrant list is intact and re-running it from its seed picks the same ${plural(winners, 'winner', 'winners')} in the same order.`;
  const { added, removed, reweighted } = changed;
  if (added + removed + reweighted === 0) return `${verified} The entrants are the same today.`;
  return `${verified} Since the draw, ${plural(added, 'entrant was', 'entrants were')} added, ${removed} removed and ${reweighted} changed weight; the draw used the list as it was.`;
}

export function verifySavedDraw(row: DrawRow, today: readonly DrawEntrant[]): DrawVerification {
  const entrantsIntact = sha256Hex(row.entrants) === row.entrantsHash;
  const saved = parseEntrants(row.entrants);
  const recorded = (JSON.parse(row.winners) as SavedWinner[]).map((w) => w.customerId);
  const sameWinners = saved !== null && saved.length > 0
    && sameOrder(drawWinners(row.seed, saved, Math.min(row.winnersCount, saved.length)), recorded);
  const entrantsChangedSince = changesSince(saved ?? [], today);
  return {
    drawId: row.id,
    entrantsIntact,
    sameWinners,
    entrantsChangedSince,
    message: message(entrantsIntact, sameWinners, recorded.length, entrantsChangedSince),
  };
}

export function verifyDraw(sqlite: Sqlite, drawId: number, now: Date): DrawVerification {
  const row = drawRowById(sqlite, drawId);
  if (!row) throw new AppError('NOT_FOUND', `There is no draw with id ${drawId}.`);
  return verifySavedDraw(row, currentEntrants(sqlite, row.campaignId, row.weighting, now));
}
