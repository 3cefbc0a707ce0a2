import type { ParsedInputOf, SlaPolicy } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { Sqlite } from '../../../db/connection';
import { recordAudit } from '../../audit/log';
import { loadSlaPolicy, storeSlaPolicy } from './policy';
import { recomputeOpenTickets } from './recompute';

/**
 * Saving the SLA policy: only an active owner or manager may, only against
 * the version they saw (a stale save answers CONFLICT with the policy as it
 * is now), and the open tickets get their new due times in the same
 * transaction, so the queues never show a mix of old and new deadlines.
 */
export function updateSlaPolicy(sqlite: Sqlite, input: ParsedInputOf<'sla.policies.update'>, at: Date): SlaPolicy {
  return sqlite.transaction(() => {
    const staff = sqlite
      .prepare<[number], { role: string; active: number; name: string }>('SELECT role, active, name FROM staff WHERE id = ?')
      .get(input.staffId);
    if (!staff || staff.active !== 1) {
      throw new AppError('VALIDATION', `There is no active staff member with id ${input.staffId}; choose who is changing the SLA policy.`);
    }
    if (staff.role !== 'owner' && staff.role !== 'manager') {
      throw new AppError('VALIDATION', `Only an owner or a manager can change the SLA policy, and ${staff.name} is an agent.`);
    }
    const current = loadSlaPolicy(sqlite);
    if (current.version !== input.expectedVersion) {
      throw new AppError('CONFLICT', 'Someone else saved the SLA policy while you were editing it; review their version and save again.',
        { current });
    }
    storeSlaPolicy(sqlite, input.policy, current.version + 1, at);
    const saved = loadSlaPolicy(sqlite);
    const tickets = recomputeOpenTickets(sqlite, saved, at);
    recordAudit(sqlite, {
      at, staffId: input.staffId, entityType: 'settings', entityId: 0, action: 'sla.policy.update',
      detail: { version: saved.version, openTicketsRecomputed: tickets },
    });
    return saved;
  })();
}
