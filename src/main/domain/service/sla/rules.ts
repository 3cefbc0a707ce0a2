import type { BusinessCalendar, SlaPolicyValue, SlaTargets, TicketChannel, TicketPriority } from '../../../../shared/contract';
import { addBusinessMinutes, businessMinutesBetween } from './calendar';
import { targetsFor } from './policy';

/**
 * The SLA clocks of one ticket as a pure state machine: given the ticket's
 * columns (after the caller's change) and what just happened, the columns
 * to store. clock.ts reads and writes the row; the demo backfill and the
 * policy recompute call this directly. The semantics are documented in clock.ts.
 */
export type SlaEventKind =
  | 'created' | 'customer_message' | 'staff_public_reply' | 'status_changed' | 'priority_changed' | 'channel_changed';

export interface SlaClockRow {
  status: string;
  priority: TicketPriority;
  channel: TicketChannel;
  created_at: string;
  first_reply_due_at: string | null;
  next_reply_due_at: string | null;
  resolution_due_at: string | null;
  sla_due_at: string | null;
  sla_paused_at: string | null;
  resolution_left_minutes: number | null;
  last_customer_message_at: string | null;
  first_reply_breached: number | null;
  next_reply_breaches: number;
  resolution_breached: number | null;
  resolution_started_at: string | null;
  resolution_paused_minutes: number;
  next_reply_started_at: string | null;
}

const TERMINAL = new Set(['solved', 'closed']);

export function isTerminalStatus(status: string): boolean {
  return TERMINAL.has(status);
}

const iso = (date: Date): string => date.toISOString();
const late = (at: Date, due: string | null): number => (due !== null && at.getTime() > Date.parse(due) ? 1 : 0);

function add(calendar: BusinessCalendar, from: string | Date, minutes: number): string {
  return iso(addBusinessMinutes(typeof from === 'string' ? new Date(from) : from, minutes, calendar));
}

function between(calendar: BusinessCalendar, a: string | Date, b: string | Date): number {
  return businessMinutesBetween(typeof a === 'string' ? new Date(a) : a, typeof b === 'string' ? new Date(b) : b, calendar);
}

function start(r: SlaClockRow, targets: SlaTargets, calendar: BusinessCalendar): void {
  r.first_reply_due_at = add(calendar, r.created_at, targets.firstReplyMinutes);
  r.resolution_started_at = r.created_at;
  r.resolution_paused_minutes = 0;
  r.resolution_due_at = add(calendar, r.created_at, targets.resolutionMinutes);
  r.resolution_breached = null;
  r.sla_paused_at = null;
  r.resolution_left_minutes = null;
}

function pause(r: SlaClockRow, at: Date, calendar: BusinessCalendar): void {
  r.sla_paused_at = iso(at);
  r.resolution_left_minutes = Math.round(between(calendar, at, r.resolution_due_at as string));
}

function resume(r: SlaClockRow, at: Date, calendar: BusinessCalendar): void {
  const left = r.resolution_left_minutes ?? 0;
  // A deadline that passed before the pause stays breached; one that would
  // have passed during the pause does not count.
  if (left > 0) {
    r.resolution_paused_minutes += Math.round(between(calendar, r.sla_paused_at as string, at));
    r.resolution_due_at = add(calendar, at, left);
  }
  r.sla_paused_at = null;
  r.resolution_left_minutes = null;
}

function end(r: SlaClockRow, at: Date): void {
  r.resolution_breached = r.sla_paused_at !== null
    ? ((r.resolution_left_minutes ?? 0) <= 0 ? 1 : 0)
    : late(at, r.resolution_due_at);
  // Solving answers the customer: an unanswered first or next reply is decided now.
  if (r.first_reply_breached === null) r.first_reply_breached = late(at, r.first_reply_due_at);
  if (r.next_reply_due_at !== null) r.next_reply_breaches += late(at, r.next_reply_due_at);
  r.next_reply_due_at = null;
  r.next_reply_started_at = null;
  r.sla_paused_at = null;
  r.resolution_left_minutes = null;
}

function reopen(r: SlaClockRow, at: Date, targets: SlaTargets, calendar: BusinessCalendar): void {
  r.resolution_started_at = iso(at);
  r.resolution_paused_minutes = 0;
  r.resolution_due_at = add(calendar, at, targets.resolutionMinutes);
  r.resolution_breached = null;
}

function recompute(r: SlaClockRow, at: Date, targets: SlaTargets, calendar: BusinessCalendar): void {
  if (r.first_reply_breached === null) r.first_reply_due_at = add(calendar, r.created_at, targets.firstReplyMinutes);
  if (r.next_reply_due_at !== null) {
    r.next_reply_due_at = add(calendar, r.next_reply_started_at ?? r.last_customer_message_at ?? at, targets.nextReplyMinutes);
  }
  if (r.resolution_breached !== null) return;
  const from = r.resolution_started_at ?? r.created_at;
  r.resolution_due_at = add(calendar, from, targets.resolutionMinutes + r.resolution_paused_minutes);
  if (r.sla_paused_at !== null) {
    r.resolution_left_minutes = Math.round(
      targets.resolutionMinutes + r.resolution_paused_minutes - between(calendar, from, r.sla_paused_at));
  }
}

/** Returns a new row; `row` is not changed. */
export function nextSlaClocks(row: SlaClockRow, kind: SlaEventKind, at: Date, policy: SlaPolicyValue): SlaClockRow {
  const r: SlaClockRow = { ...row };
  advanceSlaClocks(r, kind, at, policy);
  return r;
}

/** The same, changing `r` in place (the demo backfill replays thousands of events per second). */
export function advanceSlaClocks(r: SlaClockRow, kind: SlaEventKind, at: Date, policy: SlaPolicyValue): void {
  const calendar = policy.calendar;
  const targets = targetsFor(policy, r.priority, r.channel);
  if (kind === 'created' || (r.resolution_due_at === null && r.resolution_breached === null)) start(r, targets, calendar);

  // Bring the clocks in line with the status the caller just wrote.
  const terminal = TERMINAL.has(r.status);
  if (terminal) {
    if (r.resolution_breached === null) end(r, at);
  } else {
    if (r.resolution_breached !== null) reopen(r, at, targets, calendar);
    const pausing = (policy.pauseStatuses as readonly string[]).includes(r.status);
    if (pausing && r.sla_paused_at === null) pause(r, at, calendar);
    else if (!pausing && r.sla_paused_at !== null) resume(r, at, calendar);
  }

  if (kind === 'customer_message') {
    r.last_customer_message_at = iso(at);
    if (!terminal && r.first_reply_breached !== null && r.next_reply_due_at === null) {
      r.next_reply_started_at = iso(at);
      r.next_reply_due_at = add(calendar, at, targets.nextReplyMinutes);
    }
  } else if (kind === 'staff_public_reply' && !terminal) {
    if (r.first_reply_breached === null) r.first_reply_breached = late(at, r.first_reply_due_at);
    if (r.next_reply_due_at !== null) {
      r.next_reply_breaches += late(at, r.next_reply_due_at);
      r.next_reply_due_at = null;
      r.next_reply_started_at = null;
    }
  } else if ((kind === 'priority_changed' || kind === 'channel_changed') && !terminal) {
    recompute(r, at, targets, calendar);
  }

  r.sla_due_at = terminal ? null : earliestRunningDeadline(r);
}

/** First reply (until answered), next reply (while owed) and resolution (unless paused). */
function earliestRunningDeadline(r: SlaClockRow): string | null {
  const running: string[] = [];
  if (r.first_reply_breached === null && r.first_reply_due_at !== null) running.push(r.first_reply_due_at);
  if (r.next_reply_due_at !== null) running.push(r.next_reply_due_at);
  if (r.sla_paused_at === null && r.resolution_due_at !== null) running.push(r.resolution_due_at);
  if (running.length === 0) return null;
  // All are toISOString() output (same length, UTC): text order is time order.
  return running.reduce((a, b) => (b < a ? b : a));
}

/** Policy saved: every running deadline follows the new targets, calendar and pause statuses. */
export function recomputedSlaClocks(row: SlaClockRow, at: Date, policy: SlaPolicyValue): SlaClockRow {
  return nextSlaClocks(row, 'priority_changed', at, policy);
}
