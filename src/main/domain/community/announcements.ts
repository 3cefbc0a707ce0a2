import type { Announcement, AnnouncementExport, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { defaultLanguage, shapeAnnouncement } from './channel-shaping';
import { requireGroup } from './groups';
import { requireStaff } from './staff';

/**
 * Announcements are written once, in both languages, and exported per group:
 * shaped for that group's platform (channel-shaping.ts) in the language
 * asked for, else the one its members most likely read (Chinese on WeChat
 * and QQ, English elsewhere). Edits are version-checked.
 */
interface Row {
  id: number; titleEn: string; titleZh: string; bodyEn: string; bodyZh: string; groupIds: string;
  campaignId: number | null; version: number; createdAt: string; updatedAt: string;
}

const SELECT = `SELECT id, title_en AS titleEn, title_zh AS titleZh, body_en AS bodyEn, body_zh AS bodyZh,
  group_ids AS groupIds, campaign_id AS campaignId, version, created_at AS createdAt, updated_at AS updatedAt
  FROM announcements`;

function toAnnouncement(row: Row): Announcement {
  return { ...row, groupIds: JSON.parse(row.groupIds) as number[] };
}

export function listAnnouncements(sqlite: Sqlite): Announcement[] {
  return sqlite.prepare<[], Row>(`${SELECT} ORDER BY created_at DESC, id DESC`).all().map(toAnnouncement);
}

function requireAnnouncement(sqlite: Sqlite, id: number): Announcement {
  const row = sqlite.prepare<[number], Row>(`${SELECT} WHERE id = ?`).get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no announcement with id ${id}.`);
  return toAnnouncement(row);
}

type SaveInput = ParsedInputOf<'announcements.save'>;

function checkReferences(sqlite: Sqlite, input: SaveInput): number[] {
  const groupIds = [...new Set(input.groupIds)];
  for (const groupId of groupIds) {
    if (!sqlite.prepare('SELECT 1 FROM community_groups WHERE id = ?').get(groupId)) {
      throw new AppError('VALIDATION', `There is no community group with id ${groupId} to address the announcement to.`);
    }
  }
  if (input.campaignId !== null && !sqlite.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(input.campaignId)) {
    throw new AppError('VALIDATION', `There is no campaign with id ${input.campaignId} to link the announcement to.`);
  }
  return groupIds;
}

export function saveAnnouncement(sqlite: Sqlite, input: SaveInput, now: Date): Announcement {
  const at = now.toISOString();
  const id = sqlite.transaction(() => {
    requireStaff(sqlite, input.staffId);
    const groupIds = JSON.stringify(checkReferences(sqlite, input));
    const values = [input.titleEn, input.titleZh, input.bodyEn, input.bodyZh, groupIds, input.campaignId] as const;
    if (input.id === undefined) {
      const { lastInsertRowid } = sqlite
        .prepare(`INSERT INTO announcements (title_en, title_zh, body_en, body_zh, group_ids, campaign_id, created_at, updated_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(...values, at, at);
      const created = Number(lastInsertRowid);
      recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'announcement', entityId: created, action: 'announcement.create',
        detail: { titleEn: input.titleEn } });
      return created;
    }
    const before = requireAnnouncement(sqlite, input.id);
    if (input.version === undefined) {
      throw new AppError('VALIDATION', 'Editing an announcement needs the version you read; reload it and try again.');
    }
    if (before.version !== input.version) {
      throw new AppError('CONFLICT',
        `Someone else changed the announcement "${before.titleEn}" while you were editing it; reload it to see their changes, then edit again.`,
        { currentVersion: before.version });
    }
    sqlite
      .prepare(`UPDATE announcements SET title_en = ?, title_zh = ?, body_en = ?, body_zh = ?, group_ids = ?, campaign_id = ?,
                  version = version + 1, updated_at = ? WHERE id = ?`)
      .run(...values, at, input.id);
    recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'announcement', entityId: input.id, action: 'announcement.update',
      detail: { before: { titleEn: before.titleEn, titleZh: before.titleZh, groupIds: before.groupIds, campaignId: before.campaignId } } });
    return input.id;
  }).immediate();
  return requireAnnouncement(sqlite, id);
}

export function exportAnnouncement(sqlite: Sqlite, input: ParsedInputOf<'announcements.export'>): AnnouncementExport {
  const announcement = requireAnnouncement(sqlite, input.id);
  const group = requireGroup(sqlite, input.groupId);
  const language = input.language ?? defaultLanguage(group.platform);
  const [title, body] = language === 'zh-CN'
    ? [announcement.titleZh, announcement.bodyZh]
    : [announcement.titleEn, announcement.bodyEn];
  const shaped = shapeAnnouncement(group.platform, language, title, body);
  const warnings = [...shaped.warnings];
  if (announcement.groupIds.length > 0 && !announcement.groupIds.includes(group.id)) {
    warnings.push(`This announcement is not addressed to "${group.name}"; check it is meant for this group before posting.`);
  }
  if (group.archived) warnings.push(`The group "${group.name}" is archived.`);
  return { groupId: group.id, platform: group.platform, language, text: shaped.text, parts: shaped.parts, warnings };
}
