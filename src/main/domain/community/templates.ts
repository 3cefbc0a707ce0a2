import type { MessageTemplate, ParsedInputOf, RenderedTemplate } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { requireCustomer } from '../loyalty/ledger';
import { requireStaff } from './staff';
import { fillForCustomer, unknownVariables } from './template-variables';

/**
 * Message templates for the community (a welcome message, a thank-you to a
 * top reviewer), in both languages, with the macros' variables. Saving a
 * template with a placeholder that is not a variable is allowed (it may be
 * text meant literally) but the placeholder is listed in `unknownVariables`
 * so staff see a typo before sending. Names are unique.
 */
interface Row { id: number; name: string; bodyEn: string; bodyZh: string; version: number; updatedAt: string }

const SELECT = `SELECT id, name, body_en AS bodyEn, body_zh AS bodyZh, version, updated_at AS updatedAt FROM message_templates`;

function toTemplate(row: Row): MessageTemplate {
  return { ...row, unknownVariables: unknownVariables(row.bodyEn, row.bodyZh) };
}

export function listTemplates(sqlite: Sqlite): MessageTemplate[] {
  return sqlite.prepare<[], Row>(`${SELECT} ORDER BY name COLLATE NOCASE, id`).all().map(toTemplate);
}

function requireTemplate(sqlite: Sqlite, id: number): MessageTemplate {
  const row = sqlite.prepare<[number], Row>(`${SELECT} WHERE id = ?`).get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no message template with id ${id}.`);
  return toTemplate(row);
}

type SaveInput = ParsedInputOf<'templates.save'>;

function checkNameFree(sqlite: Sqlite, input: SaveInput): void {
  const holder = sqlite.prepare<[string], { id: number }>('SELECT id FROM message_templates WHERE name = ?').get(input.name);
  if (holder && holder.id !== input.id) {
    throw new AppError('CONFLICT', `A template named "${input.name}" already exists; choose another name or edit that template.`);
  }
}

export function saveTemplate(sqlite: Sqlite, input: SaveInput, now: Date): MessageTemplate {
  const at = now.toISOString();
  const id = sqlite.transaction(() => {
    requireStaff(sqlite, input.staffId);
    checkNameFree(sqlite, input);
    if (input.id === undefined) {
      const { lastInsertRowid } = sqlite
        .prepare('INSERT INTO message_templates (name, body_en, body_zh, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(input.name, input.bodyEn, input.bodyZh, at, at);
      const created = Number(lastInsertRowid);
      recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'message_template', entityId: created,
        action: 'template.create', detail: { name: input.name } });
      return created;
    }
    const before = requireTemplate(sqlite, input.id);
    if (input.version === undefined) {
      throw new AppError('VALIDATION', 'Editing a template needs the version you read; reload it and try again.');
    }
    if (before.version !== input.version) {
      throw new AppError('CONFLICT',
        `Someone else changed the template "${before.name}" while you were editing it; reload it to see their changes, then edit again.`,
        { currentVersion: before.version });
    }
    sqlite
      .prepare('UPDATE message_templates SET name = ?, body_en = ?, body_zh = ?, version = version + 1, updated_at = ? WHERE id = ?')
      .run(input.name, input.bodyEn, input.bodyZh, at, input.id);
    recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'message_template', entityId: input.id,
      action: 'template.update', detail: { before: { name: before.name, bodyEn: before.bodyEn, bodyZh: before.bodyZh } } });
    return input.id;
  }).immediate();
  return requireTemplate(sqlite, id);
}

export function renderTemplate(sqlite: Sqlite, input: ParsedInputOf<'templates.render'>, now: Date): RenderedTemplate {
  const template = requireTemplate(sqlite, input.id);
  requireCustomer(sqlite, input.customerId);
  return fillForCustomer(sqlite, input.language === 'zh-CN' ? template.bodyZh : template.bodyEn, input.customerId, input.language, now);
}
