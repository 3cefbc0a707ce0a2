import type { MembersAddResult, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { requireGroup } from './groups';
import { createResolver, resolveEntries } from './member-import';
import { requireStaff } from './staff';

/**
 * Adding and removing group members. Adding from a profile names customer
 * ids (an unknown id is bad input); an imported list names anyone it can
 * (unmatched entries are reported, not refused). Someone already in the group
 * is counted, not added twice, and keeps their role and join date. The whole
 * add is one transaction with one audit entry: a list half-imported never stays.
 */
export function addMembers(sqlite: Sqlite, input: ParsedInputOf<'community.members.add'>, now: Date): MembersAddResult {
  const at = now.toISOString();
  return sqlite.transaction(() => {
    requireStaff(sqlite, input.staffId);
    const group = requireGroup(sqlite, input.groupId);
    if (group.archived) {
      throw new AppError('VALIDATION', `The group "${group.name}" is archived; restore it before adding members.`);
    }
    const resolve = createResolver(sqlite);
    const fromProfile = new Set<number>();
    for (const id of input.customerIds ?? []) {
      const current = resolve(id);
      if (current === null) throw new AppError('VALIDATION', `There is no customer with id ${id} to add to the group.`);
      fromProfile.add(current);
    }
    const imported = resolveEntries(sqlite, input.entries ?? []);
    const insert = sqlite.prepare(
      `INSERT INTO community_members (group_id, customer_id, role, source, joined_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (group_id, customer_id) DO NOTHING`,
    );
    let added = 0;
    let alreadyIn = 0;
    const seen = new Set<number>();
    const addOne = (customerId: number, source: 'profile' | 'import') => {
      if (seen.has(customerId)) return;
      seen.add(customerId);
      if (insert.run(input.groupId, customerId, input.role, source, at).changes === 1) added += 1;
      else alreadyIn += 1;
    };
    for (const id of fromProfile) addOne(id, 'profile');
    for (const id of imported.customerIds) addOne(id, 'import');
    if (added > 0) {
      recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'community_group', entityId: input.groupId,
        action: 'members.add', detail: { added, alreadyIn, unmatched: imported.unmatchedCount, role: input.role,
          customerIds: [...seen].slice(0, 100) } });
    }
    return { added, alreadyIn, unmatched: imported.unmatched, unmatchedCount: imported.unmatchedCount };
  }).immediate();
}

export function removeMembers(sqlite: Sqlite, input: ParsedInputOf<'community.members.remove'>, now: Date): { removed: number } {
  const at = now.toISOString();
  return sqlite.transaction(() => {
    requireStaff(sqlite, input.staffId);
    requireGroup(sqlite, input.groupId);
    const remove = sqlite.prepare('DELETE FROM community_members WHERE group_id = ? AND customer_id = ?');
    const removedIds = [...new Set(input.customerIds)].filter((id) => remove.run(input.groupId, id).changes === 1);
    if (removedIds.length > 0) {
      recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'community_group', entityId: input.groupId,
        action: 'members.remove', detail: { customerIds: removedIds.slice(0, 100), removed: removedIds.length } });
    }
    return { removed: removedIds.length };
  }).immediate();
}
