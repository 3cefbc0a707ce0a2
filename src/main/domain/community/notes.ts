import type { CommunityGroupDetail, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { groupDetail, requireGroup } from './groups';
import { requireStaff } from './staff';

/**
 * An activity note on a group ("ran a Q&A on sizing", "Ava answered three
 * questions for newcomers"). A note about a member must name someone in the
 * group: a note about a stranger would show on a group they are not part of.
 */
export function addNote(sqlite: Sqlite, input: ParsedInputOf<'community.notes.add'>, now: Date): CommunityGroupDetail {
  const at = now.toISOString();
  sqlite.transaction(() => {
    requireStaff(sqlite, input.staffId);
    const group = requireGroup(sqlite, input.groupId);
    if (input.customerId !== null) {
      const member = sqlite.prepare<[number, number], { one: number }>(
        'SELECT 1 AS one FROM community_members WHERE group_id = ? AND customer_id = ?',
      ).get(input.groupId, input.customerId);
      if (!member) {
        throw new AppError('VALIDATION', `Customer #${input.customerId} is not a member of "${group.name}"; add them to the group first.`);
      }
    }
    const { lastInsertRowid } = sqlite
      .prepare('INSERT INTO community_notes (group_id, customer_id, body, staff_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.groupId, input.customerId, input.body, input.staffId, at);
    recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'community_group', entityId: input.groupId,
      action: 'note.add', detail: { noteId: Number(lastInsertRowid), customerId: input.customerId } });
  }).immediate();
  return groupDetail(sqlite, input.groupId);
}
