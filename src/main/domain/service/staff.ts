import type { ParsedInputOf } from '../../../shared/contract';
import type { StaffMember } from '../../../shared/contract/tickets';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { openTicketsByAssignee } from './round-robin';

/**
 * The team: who answers tickets, with which role and capacity. Only owners
 * and managers change it, only an owner makes or changes an owner, and the
 * shop always keeps at least one active owner.
 */
interface StaffRecord {
  id: number;
  name: string;
  email: string | null;
  role: StaffMember['role'];
  capacity: number;
  active: number;
  version: number;
}

const COLUMNS = 'id, name, email, role, capacity, active, version';

export function listStaff(sqlite: Sqlite, includeInactive: boolean): StaffMember[] {
  const open = openTicketsByAssignee(sqlite);
  return sqlite
    .prepare<[], StaffRecord>(`SELECT ${COLUMNS} FROM staff ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY id`)
    .all()
    .map((s) => ({ ...s, active: s.active === 1, openTickets: open.get(s.id) ?? 0 }));
}

function staffMember(sqlite: Sqlite, id: number): StaffMember {
  const found = listStaff(sqlite, true).find((s) => s.id === id);
  if (!found) throw new AppError('NOT_FOUND', `There is no staff member with id ${id}.`);
  return found;
}

export function saveStaff(sqlite: Sqlite, input: ParsedInputOf<'staff.save'>, now: Date): StaffMember {
  return sqlite.transaction((): StaffMember => {
    const acting = sqlite
      .prepare<[number], { role: StaffMember['role'] }>('SELECT role FROM staff WHERE id = ? AND active = 1')
      .get(input.actingStaffId);
    if (!acting) {
      throw new AppError('VALIDATION', `There is no active staff member with id ${input.actingStaffId}; choose who is making this change.`);
    }
    if (acting.role === 'agent') throw new AppError('VALIDATION', 'Only owners and managers may add or edit staff members.');
    const current = input.id === undefined ? null : staffMember(sqlite, input.id);
    if (current && input.expectedVersion !== current.version) {
      throw new AppError('CONFLICT', `${current.name}'s details were changed by someone else since you opened them; review and save again.`,
        { current });
    }
    if (acting.role !== 'owner' && (input.role === 'owner' || current?.role === 'owner')) {
      throw new AppError('VALIDATION', 'Only an owner may make someone an owner or change an owner\'s details.');
    }
    if (input.email !== null) {
      const clash = sqlite.prepare('SELECT 1 FROM staff WHERE email = ? COLLATE NOCASE AND id <> ?').get(input.email, input.id ?? 0);
      if (clash) throw new AppError('VALIDATION', `Another staff member already uses ${input.email}; each person needs their own e-mail.`);
    }
    const values = [input.name, input.email, input.role, input.capacity, input.active ? 1 : 0];
    let id: number;
    if (current === null) {
      id = Number(sqlite
        .prepare('INSERT INTO staff (name, email, role, capacity, active, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(...values, now.toISOString()).lastInsertRowid);
    } else {
      id = current.id;
      sqlite
        .prepare('UPDATE staff SET name = ?, email = ?, role = ?, capacity = ?, active = ?, version = version + 1 WHERE id = ?')
        .run(...values, id);
    }
    const owners = sqlite.prepare<[], number>(`SELECT count(*) FROM staff WHERE role = 'owner' AND active = 1`).pluck().get() ?? 0;
    if (owners === 0) {
      throw new AppError('VALIDATION', 'The shop needs at least one active owner; make someone else an owner first.');
    }
    const saved = staffMember(sqlite, id);
    recordAudit(sqlite, {
      at: now, staffId: input.actingStaffId, entityType: 'staff', entityId: id,
      action: current === null ? 'staff.create' : 'staff.update',
      detail: { staffId: id, before: current && { name: current.name, email: current.email, role: current.role,
        capacity: current.capacity, active: current.active },
      after: { name: saved.name, email: saved.email, role: saved.role, capacity: saved.capacity, active: saved.active } },
    });
    return saved;
  })();
}
