import type { ParsedInputOf } from '../../../shared/contract';
import type { ServiceSettings } from '../../../shared/contract/tickets';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';

/**
 * Two small service-desk settings, each one row of the settings table:
 * whether new tickets are assigned by round-robin, and who got the last one
 * (so the turn carries on from there rather than restarting at the first agent).
 */
const AUTO_ASSIGN_KEY = 'service.autoAssign';
const LAST_ASSIGNEE_KEY = 'service.roundRobin.lastAssigneeId';

function readSetting(sqlite: Sqlite, key: string): string | undefined {
  const row = sqlite.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  return row?.value;
}

function writeSetting(sqlite: Sqlite, key: string, value: string, at: Date): void {
  sqlite
    .prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(key, value, at.toISOString());
}

/** On unless the merchant turned it off. */
export function autoAssignEnabled(sqlite: Sqlite): boolean {
  return readSetting(sqlite, AUTO_ASSIGN_KEY) !== 'false';
}

export function setAutoAssignEnabled(sqlite: Sqlite, enabled: boolean, at: Date): void {
  writeSetting(sqlite, AUTO_ASSIGN_KEY, enabled ? 'true' : 'false', at);
}

export function lastRoundRobinAssignee(sqlite: Sqlite): number {
  const value = Number(readSetting(sqlite, LAST_ASSIGNEE_KEY));
  return Number.isSafeInteger(value) ? value : 0;
}

export function setLastRoundRobinAssignee(sqlite: Sqlite, staffId: number, at: Date): void {
  writeSetting(sqlite, LAST_ASSIGNEE_KEY, String(staffId), at);
}

export function readServiceSettings(sqlite: Sqlite): ServiceSettings {
  return { autoAssign: autoAssignEnabled(sqlite) };
}

/** Like the team itself, how work is handed out is for owners and managers to decide. */
export function updateServiceSettings(sqlite: Sqlite, input: ParsedInputOf<'service.settings.update'>, now: Date): ServiceSettings {
  return sqlite.transaction((): ServiceSettings => {
    const role = sqlite
      .prepare<[number], string>('SELECT role FROM staff WHERE id = ? AND active = 1')
      .pluck()
      .get(input.staffId);
    if (role === undefined) {
      throw new AppError('VALIDATION', `There is no active staff member with id ${input.staffId}; choose who is making this change.`);
    }
    if (role === 'agent') throw new AppError('VALIDATION', 'Only owners and managers may change how tickets are assigned.');
    const before = autoAssignEnabled(sqlite);
    setAutoAssignEnabled(sqlite, input.autoAssign, now);
    if (before !== input.autoAssign) {
      recordAudit(sqlite, { at: now, staffId: input.staffId, entityType: 'settings', entityId: 0, action: 'service.autoAssign.set',
        detail: { from: before, to: input.autoAssign } });
    }
    return readServiceSettings(sqlite);
  })();
}
