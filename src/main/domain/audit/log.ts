import type { AuditEntry } from '../../../shared/contract/audit';
import type { Sqlite } from '../../db/connection';
import type { AuditEntityType } from '../../db/schema';

/**
 * The audit log (migration 0002): who changed what, locally. Callers write the
 * entry inside the same transaction as the change itself, so a change without
 * its entry (or the other way round) can never be committed.
 */
export interface AuditRecord {
  at: Date | string;
  staffId: number | null | undefined;
  entityType: AuditEntityType;
  entityId: number;
  /** A short verb phrase in code form: 'note.set', 'tags.set', 'refund.local', 'points.adjust'. */
  action: string;
  detail?: Record<string, unknown>;
}

export function recordAudit(sqlite: Sqlite, record: AuditRecord): number {
  const at = typeof record.at === 'string' ? record.at : record.at.toISOString();
  const result = sqlite
    .prepare(
      `INSERT INTO audit_log (at, staff_id, entity_type, entity_id, action, detail)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(at, record.staffId ?? null, record.entityType, record.entityId, record.action,
      JSON.stringify(record.detail ?? {}));
  return Number(result.lastInsertRowid);
}

interface AuditRow {
  id: number;
  at: string;
  staffId: number | null;
  staffName: string | null;
  action: string;
  detail: string;
}

/** The trail of one entity, newest first. */
export function auditTrail(sqlite: Sqlite, entityType: AuditEntityType, entityId: number, limit = 200): AuditEntry[] {
  return sqlite
    .prepare<[string, number, number], AuditRow>(
      `SELECT a.id, a.at, a.staff_id AS staffId, s.name AS staffName, a.action, a.detail
       FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
       WHERE a.entity_type = ? AND a.entity_id = ?
       ORDER BY a.id DESC LIMIT ?`,
    )
    .all(entityType, entityId, limit)
    .map((row) => ({
      id: row.id,
      at: row.at,
      staff: row.staffId === null ? null : { id: row.staffId, name: row.staffName ?? '' },
      action: row.action,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
}

/** A named staff member is required for changes that need one (adjustments): an unknown id is refused. */
export function isActiveStaff(sqlite: Sqlite, staffId: number): boolean {
  return sqlite.prepare<[number], { id: number }>('SELECT id FROM staff WHERE id = ? AND active = 1').get(staffId) !== undefined;
}
