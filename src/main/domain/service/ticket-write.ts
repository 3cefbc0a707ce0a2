import type { TicketPriority, TicketStatus } from '../../../shared/contract/tickets';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordCsatRequest } from './csat/request';
import { loadTicketDetail } from './detail';
import { applySlaEvent, type SlaEvent } from './sla/clock';
import { parseTags } from './ticket-row';

/**
 * The one way a ticket's own fields change: reply, update, bulk, undo, merge
 * and auto-assign all go through applyTicketChanges, so the version, the
 * solved time, the SLA clocks and the CSAT request follow every change alike.
 */
export interface TicketState {
  id: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: number | null;
  tags: string[];
  customerId: number | null;
  orderId: number | null;
  version: number;
  mergedIntoId: number | null;
  solvedAt: string | null;
  solvedById: number | null;
  firstRepliedAt: string | null;
}

export interface TicketChanges {
  subject?: string;
  status?: TicketStatus;
  priority?: TicketPriority;
  assigneeId?: number | null;
  tags?: string[];
  customerId?: number | null;
  orderId?: number | null;
}

export type ChangeSet = Partial<Record<keyof TicketChanges, { from: unknown; to: unknown }>>;

export function loadTicketState(sqlite: Sqlite, id: number): TicketState {
  const row = sqlite
    .prepare<[number], Omit<TicketState, 'tags'> & { tags: string }>(
      `SELECT id, subject, status, priority, assignee_id AS assigneeId, tags, customer_id AS customerId,
              order_id AS orderId, version, merged_into_id AS mergedIntoId, solved_at AS solvedAt, solved_by_id AS solvedById,
              first_replied_at AS firstRepliedAt
         FROM tickets WHERE id = ?`,
    )
    .get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no ticket #${id}.`);
  return { ...row, tags: parseTags(row.tags) };
}

/** A save made from an older copy changes nothing and hands back the ticket as it is now. */
export function requireVersion(sqlite: Sqlite, state: TicketState, expectedVersion: number, now: Date): void {
  if (state.version === expectedVersion) return;
  throw new AppError(
    'CONFLICT',
    `Ticket #${state.id} was changed by someone else since you opened it; review the current version and try again.`,
    { current: loadTicketDetail(sqlite, state.id, now) },
  );
}

/** A merged ticket lives on in its target: writes go there. */
export function requireNotMerged(state: TicketState): void {
  if (state.mergedIntoId !== null) {
    throw new AppError('VALIDATION', `Ticket #${state.id} was merged into ticket #${state.mergedIntoId}; work on that ticket instead.`);
  }
}

const COLUMN: Record<keyof TicketChanges, string> = {
  subject: 'subject', status: 'status', priority: 'priority', assigneeId: 'assignee_id', tags: 'tags',
  customerId: 'customer_id', orderId: 'order_id',
};

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface ApplyOptions {
  staffId: number;
  now: Date;
  /** SLA events of what happened besides the field changes (a public reply), applied first. */
  events?: SlaEvent['kind'][];
  /** Bump the version even when no field changed (a new message changes the ticket too). */
  touch?: boolean;
  firstReply?: boolean;
  /** Undo puts the solve back exactly as it was, without a new solve (and no second CSAT request). */
  restoreSolve?: { solvedAt: string | null; solvedById: number | null };
}

/** Writes what differs from `before`; returns what changed (empty: nothing written unless touched). */
export function applyTicketChanges(sqlite: Sqlite, before: TicketState, changes: TicketChanges, options: ApplyOptions): ChangeSet {
  const changed: ChangeSet = {};
  const sets: string[] = [];
  const values: (string | number | null)[] = [];
  for (const key of Object.keys(changes) as (keyof TicketChanges)[]) {
    const to = changes[key];
    if (to === undefined || sameValue(before[key], to)) continue;
    changed[key] = { from: before[key], to };
    sets.push(`${COLUMN[key]} = ?`);
    values.push(key === 'tags' ? JSON.stringify(to) : (to as string | number | null));
  }
  const at = options.now.toISOString();
  const newStatus = changed.status ? (changed.status.to as TicketStatus) : before.status;
  const becameSolved = newStatus === 'solved' && before.status !== 'solved';
  if (options.restoreSolve) {
    sets.push('solved_at = ?', 'solved_by_id = ?');
    values.push(options.restoreSolve.solvedAt, options.restoreSolve.solvedById);
  } else if (becameSolved || (changed.status && newStatus === 'closed' && before.solvedAt === null)) {
    sets.push('solved_at = ?', 'solved_by_id = ?');
    values.push(at, options.staffId);
  } else if (changed.status && newStatus !== 'solved' && newStatus !== 'closed') {
    // Reopened: the earlier solve no longer stands.
    sets.push('solved_at = NULL', 'solved_by_id = NULL');
  }
  if (options.firstReply && before.firstRepliedAt === null) {
    sets.push('first_replied_at = ?');
    values.push(at);
  }
  if (Object.keys(changed).length === 0 && !options.touch) return changed;
  sqlite
    .prepare(`UPDATE tickets SET ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} WHERE id = ?`)
    .run(...values, at, before.id);

  for (const kind of options.events ?? []) applySlaEvent(sqlite, before.id, { kind, at: options.now });
  if (changed.status) applySlaEvent(sqlite, before.id, { kind: 'status_changed', at: options.now });
  if (changed.priority) applySlaEvent(sqlite, before.id, { kind: 'priority_changed', at: options.now });
  if (becameSolved && !options.restoreSolve) recordCsatRequest(sqlite, before.id, options.staffId, options.now);
  return changed;
}
