import type { CommunityGroup, CommunityGroupDetail, CommunityPlatform, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { requireStaff } from './staff';

/**
 * Community groups: where a merchant keeps their best customers (a WeChat
 * group, a Discord server…). Edits are version-checked so two staff editing
 * the same group cannot silently overwrite each other; archiving hides a
 * group from the list but keeps its members and notes.
 */
interface GroupRow {
  id: number;
  platform: CommunityPlatform;
  name: string;
  link: string | null;
  owner: string | null;
  moderators: string;
  rules: string;
  archivedAt: string | null;
  members: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

// The member count is a correlated count on the (group_id, customer_id) primary key: an index range per group.
const SELECT_GROUP = `SELECT g.id, g.platform, g.name, g.link, g.owner, g.moderators, g.rules,
    g.archived_at AS archivedAt, g.version, g.created_at AS createdAt, g.updated_at AS updatedAt,
    (SELECT count(*) FROM community_members m WHERE m.group_id = g.id) AS members
  FROM community_groups g`;

function toGroup(row: GroupRow): CommunityGroup {
  return {
    id: row.id, platform: row.platform, name: row.name, link: row.link, owner: row.owner,
    moderators: JSON.parse(row.moderators) as string[], rules: row.rules, archived: row.archivedAt !== null,
    members: row.members, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

export function listGroups(sqlite: Sqlite, includeArchived: boolean): CommunityGroup[] {
  return sqlite
    .prepare<[], GroupRow>(`${SELECT_GROUP} ${includeArchived ? '' : 'WHERE g.archived_at IS NULL'}
      ORDER BY g.archived_at IS NOT NULL, g.name COLLATE NOCASE, g.id`)
    .all()
    .map(toGroup);
}

export function groupsOfCustomer(sqlite: Sqlite, customerId: number): CommunityGroup[] {
  return sqlite
    .prepare<[number], GroupRow>(`${SELECT_GROUP} JOIN community_members cm ON cm.group_id = g.id AND cm.customer_id = ?
      ORDER BY g.archived_at IS NOT NULL, g.name COLLATE NOCASE, g.id`)
    .all(customerId)
    .map(toGroup);
}

export function findGroup(sqlite: Sqlite, id: number): CommunityGroup | null {
  const row = sqlite.prepare<[number], GroupRow>(`${SELECT_GROUP} WHERE g.id = ?`).get(id);
  return row ? toGroup(row) : null;
}

export function requireGroup(sqlite: Sqlite, id: number): CommunityGroup {
  const group = findGroup(sqlite, id);
  if (!group) throw new AppError('NOT_FOUND', `There is no community group with id ${id}.`);
  return group;
}

const NOTES_SHOWN = 100;

export function groupDetail(sqlite: Sqlite, id: number): CommunityGroupDetail {
  const group = requireGroup(sqlite, id);
  const notes = sqlite
    .prepare<[number, number], CommunityGroupDetail['notes'][number]>(
      `SELECT n.id, n.customer_id AS customerId,
          nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), '') AS customerName,
          n.body, s.name AS staffName, n.created_at AS createdAt
        FROM community_notes n
        LEFT JOIN customers c ON c.id = n.customer_id
        LEFT JOIN staff s ON s.id = n.staff_id
       WHERE n.group_id = ? ORDER BY n.id DESC LIMIT ?`,
    )
    .all(id, NOTES_SHOWN);
  return { ...group, notes };
}

type SaveInput = ParsedInputOf<'community.groups.update'>;

function create(sqlite: Sqlite, input: SaveInput, at: string): number {
  const { lastInsertRowid } = sqlite
    .prepare(
      `INSERT INTO community_groups (platform, name, link, owner, moderators, rules, archived_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.platform, input.name, input.link, input.owner || null, JSON.stringify(input.moderators), input.rules,
      input.archived ? at : null, at, at);
  const id = Number(lastInsertRowid);
  recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'community_group', entityId: id, action: 'group.create',
    detail: { platform: input.platform, name: input.name } });
  return id;
}

function edit(sqlite: Sqlite, id: number, input: SaveInput, at: string): void {
  const before = requireGroup(sqlite, id);
  if (input.version === undefined) {
    throw new AppError('VALIDATION', 'Editing a group needs the version you read; reload the group and try again.');
  }
  if (before.version !== input.version) {
    throw new AppError('CONFLICT',
      `Someone else changed the group "${before.name}" while you were editing it; reload it to see their changes, then edit again.`,
      { currentVersion: before.version });
  }
  // Archiving keeps the first archive time; un-archiving clears it.
  sqlite
    .prepare(
      `UPDATE community_groups SET platform = ?, name = ?, link = ?, owner = ?, moderators = ?, rules = ?,
         archived_at = CASE WHEN ? THEN coalesce(archived_at, ?) ELSE NULL END, version = version + 1, updated_at = ?
       WHERE id = ?`,
    )
    .run(input.platform, input.name, input.link, input.owner || null, JSON.stringify(input.moderators), input.rules,
      input.archived ? 1 : 0, at, at, id);
  const action = input.archived && !before.archived ? 'group.archive' : !input.archived && before.archived ? 'group.restore' : 'group.update';
  recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'community_group', entityId: id, action,
    detail: { before: { platform: before.platform, name: before.name, link: before.link, owner: before.owner,
      moderators: before.moderators, rules: before.rules, archived: before.archived },
    after: { platform: input.platform, name: input.name, link: input.link, owner: input.owner || null,
      moderators: input.moderators, rules: input.rules, archived: input.archived } } });
}

export function saveGroup(sqlite: Sqlite, input: SaveInput, now: Date): CommunityGroup {
  const at = now.toISOString();
  const id = sqlite.transaction(() => {
    requireStaff(sqlite, input.staffId);
    if (input.id === undefined) return create(sqlite, input, at);
    edit(sqlite, input.id, input, at);
    return input.id;
  }).immediate();
  return requireGroup(sqlite, id);
}
