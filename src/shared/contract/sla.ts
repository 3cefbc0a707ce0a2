import { z } from 'zod';
import { operation } from './operation';
import { dateRange } from './common';
import { TICKET_CHANNELS, TICKET_PRIORITIES, staffId } from './tickets';

/**
 * SLA policies: targets in business minutes per priority (optionally per
 * channel), counted on a business-hours calendar with a time zone and
 * holidays; the statuses listed in `pauseStatuses` stop the resolution clock.
 * Saving a policy recomputes the due times of every open ticket.
 */
const minutes = z.number().int().min(1, { message: 'a target must be at least one minute' }).max(60 * 24 * 90);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'must be a time written HH:MM' });

export const slaTargets = z
  .object({ firstReplyMinutes: minutes, nextReplyMinutes: minutes, resolutionMinutes: minutes })
  .strict();
export type SlaTargets = z.output<typeof slaTargets>;

const byPriority = z.object({
  low: slaTargets, normal: slaTargets, high: slaTargets, urgent: slaTargets,
}).strict();

/** Open hours of one weekday (0 = Sunday … 6 = Saturday); a day may have several intervals, none = closed. */
export const businessInterval = z
  .object({ day: z.number().int().min(0).max(6), start: hhmm, end: hhmm })
  .strict()
  .refine((i) => i.start < i.end, { message: 'opening time must be before closing time', path: ['end'] });

export const businessCalendar = z
  .object({
    /** IANA time zone, e.g. "America/Toronto". */
    timezone: z.string().min(1).max(64).refine(isTimeZone, { message: 'must be a time zone such as Europe/Paris' }),
    hours: z.array(businessInterval).min(1, { message: 'open at least one day a week' }).max(50),
    /** Local calendar dates the shop is closed. */
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })).max(400),
    /** When false, targets count every minute of the week (24/7 service). */
    businessHoursOnly: z.boolean(),
  })
  .strict();
export type BusinessCalendar = z.output<typeof businessCalendar>;

export const slaPolicy = z
  .object({
    targets: byPriority,
    /** Channels with their own targets (e.g. chat answered faster than email). */
    channelTargets: z.partialRecord(z.enum(TICKET_CHANNELS), byPriority).default({}),
    calendar: businessCalendar,
    pauseStatuses: z.array(z.enum(['waiting_customer', 'waiting_third_party'])).max(2),
    /** A deadline turns amber this many minutes (wall clock) before it is due. */
    warningMinutes: z.number().int().min(1).max(60 * 24 * 7),
  })
  .strict();
export type SlaPolicyInput = z.input<typeof slaPolicy>;
export type SlaPolicyValue = z.output<typeof slaPolicy>;

export interface SlaPolicy extends SlaPolicyValue {
  version: number;
  updatedAt: string | null;
}

export const slaPoliciesUpdateInput = z
  .object({ staffId, expectedVersion: z.number().int().nonnegative(), policy: slaPolicy })
  .strict();

export interface SlaComplianceRow {
  /** The week (Monday, YYYY-MM-DD), priority or staff member this row counts. */
  key: string;
  label: string;
  tickets: number;
  firstReplyMet: number;
  firstReplyMissed: number;
  resolutionMet: number;
  resolutionMissed: number;
  /** Met ÷ (met + missed) over both targets; null when nothing was measured. */
  compliance: number | null;
}

export interface SlaReport {
  range: { from: string; to: string };
  byWeek: SlaComplianceRow[];
  byPriority: SlaComplianceRow[];
  byStaff: SlaComplianceRow[];
}

export const slaReportInput = z.object({ range: dateRange.optional() }).strict();

export interface CsatReportRow {
  key: string;
  label: string;
  requests: number;
  responses: number;
  /** Share of answers scoring 4 or 5; null without answers. */
  satisfied: number | null;
  average: number | null;
}

export interface CsatReport {
  range: { from: string; to: string };
  byWeek: CsatReportRow[];
  byStaff: CsatReportRow[];
  recentComments: { ticketId: number; score: number; comment: string; at: string; staffName: string | null }[];
}

export const csatRespondInput = z
  .object({
    code: z.string().trim().min(4).max(40),
    score: z.number().int().min(1, { message: 'a score is 1 to 5' }).max(5, { message: 'a score is 1 to 5' }),
    comment: z.string().trim().max(2000).optional(),
    /** The staff member typing in an answer the customer gave them; absent when the customer answered themselves. */
    staffId: z.number().int().positive().optional(),
  })
  .strict();

export const slaOperations = {
  'sla.policies.get': operation<SlaPolicy>()(z.object({}).strict(), 'The SLA policy and business calendar'),
  'sla.policies.update': operation<SlaPolicy>()(slaPoliciesUpdateInput, 'Saves the SLA policy; open tickets get new due times'),
  'sla.report': operation<SlaReport>()(slaReportInput, 'SLA compliance by week, priority and staff'),
  'csat.respond': operation<{ ticketId: number; score: number }>()(csatRespondInput, "Records a customer's satisfaction answer"),
  'csat.report': operation<CsatReport>()(slaReportInput, 'CSAT by week and staff member'),
} as const;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
