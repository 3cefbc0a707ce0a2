import {
  TICKET_PRIORITIES,
  slaPolicy,
  type SlaPolicy,
  type SlaPolicyInput,
  type SlaTargets,
  type TicketChannel,
  type TicketPriority,
} from '../../../../../../shared/contract';
import type { Translate } from '../../../../i18n';
import { formErrors, zodIssues, type FieldIssue } from '../issues';

/**
 * The SLA policy as the editor holds it. Targets are typed as hours and
 * minutes (the policy stores minutes); business hours are grouped by weekday,
 * Monday first, each day with its own list of intervals (none = closed); list
 * rows carry a `key` so React keeps focus on the right row. Number inputs are
 * '' while empty. The contract's schema checks what is sent.
 */
type Num = number | string;

export const TARGET_KINDS = ['firstReply', 'nextReply', 'resolution'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const PAUSE_STATUSES = ['waiting_customer', 'waiting_third_party'] as const;
export type PauseStatus = (typeof PAUSE_STATUSES)[number];
/** Weekday numbers as the policy stores them (0 = Sunday), in the order the editor shows them. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export interface DurationField {
  hours: Num;
  minutes: Num;
}
export type TargetsForm = Record<TicketPriority, Record<TargetKind, DurationField>>;

export interface ChannelTargetsForm {
  key: string;
  channel: TicketChannel;
  targets: TargetsForm;
}

export interface IntervalForm {
  key: string;
  start: string;
  end: string;
}

export interface DayForm {
  day: number;
  intervals: IntervalForm[];
}

export interface SlaFormValues {
  targets: TargetsForm;
  channels: ChannelTargetsForm[];
  timezone: string;
  aroundTheClock: boolean;
  days: DayForm[];
  holidays: string[];
  pauseStatuses: PauseStatus[];
  warningMinutes: Num;
}

let rowCounter = 0;
export const rowKey = (): string => `sla-row-${++rowCounter}`;

const minutesKey = (kind: TargetKind) => `${kind}Minutes` as const;

export const toDuration = (total: number): DurationField => ({ hours: Math.floor(total / 60), minutes: total % 60 });

/** Minutes of a duration; NaN when both parts are empty, so the schema says the target is required. */
export function durationMinutes({ hours, minutes }: DurationField): number {
  if (hours === '' && minutes === '') return Number.NaN;
  return Number(hours === '' ? 0 : hours) * 60 + Number(minutes === '' ? 0 : minutes);
}

function targetsToForm(byPriority: Record<TicketPriority, SlaTargets>): TargetsForm {
  return Object.fromEntries(
    TICKET_PRIORITIES.map((p) => [p, Object.fromEntries(TARGET_KINDS.map((k) => [k, toDuration(byPriority[p][minutesKey(k)])]))]),
  ) as TargetsForm;
}

function formToTargets(targets: TargetsForm): Record<TicketPriority, SlaTargets> {
  return Object.fromEntries(
    TICKET_PRIORITIES.map((p) => [
      p,
      Object.fromEntries(TARGET_KINDS.map((k) => [minutesKey(k), durationMinutes(targets[p][k])])),
    ]),
  ) as Record<TicketPriority, SlaTargets>;
}

export function copyTargets(targets: TargetsForm): TargetsForm {
  return targetsToForm(formToTargets(targets));
}

export function policyToForm(policy: SlaPolicy): SlaFormValues {
  const channelEntries = Object.entries(policy.channelTargets) as [TicketChannel, Record<TicketPriority, SlaTargets>][];
  return {
    targets: targetsToForm(policy.targets),
    channels: channelEntries.map(([channel, targets]) => ({ key: rowKey(), channel, targets: targetsToForm(targets) })),
    timezone: policy.calendar.timezone,
    aroundTheClock: !policy.calendar.businessHoursOnly,
    days: WEEK_ORDER.map((day) => ({
      day,
      intervals: policy.calendar.hours
        .filter((h) => h.day === day)
        .sort((a, b) => a.start.localeCompare(b.start))
        .map((h) => ({ key: rowKey(), start: h.start, end: h.end })),
    })),
    holidays: [...policy.calendar.holidays].sort(),
    pauseStatuses: [...policy.pauseStatuses],
    warningMinutes: policy.warningMinutes,
  };
}

export function formToPolicy(values: SlaFormValues): SlaPolicyInput {
  return {
    targets: formToTargets(values.targets),
    channelTargets: Object.fromEntries(values.channels.map((c) => [c.channel, formToTargets(c.targets)])),
    calendar: {
      timezone: values.timezone,
      hours: values.days.flatMap((d) => d.intervals.map((i) => ({ day: d.day, start: i.start, end: i.end }))),
      holidays: values.holidays,
      businessHoursOnly: !values.aroundTheClock,
    },
    pauseStatuses: values.pauseStatuses,
    warningMinutes: values.warningMinutes === '' ? Number.NaN : Number(values.warningMinutes),
  };
}

/** The form field a schema path points at: where its sentence is shown. */
export function formPathOf(values: SlaFormValues, path: string): string {
  const parts = path.split('.');
  const kindOf = (key: string | undefined) => TARGET_KINDS.find((k) => minutesKey(k) === key);
  if (parts[0] === 'targets' && parts.length >= 3) return `targets.${parts[1]}.${kindOf(parts[2]) ?? ''}`;
  if (parts[0] === 'channelTargets') {
    const index = values.channels.findIndex((c) => c.channel === parts[1]);
    if (index < 0) return 'channels';
    return parts.length >= 4 ? `channels.${index}.targets.${parts[2]}.${kindOf(parts[3]) ?? ''}` : `channels.${index}`;
  }
  if (parts[0] === 'calendar') {
    if (parts[1] === 'timezone') return 'timezone';
    if (parts[1] === 'holidays') return 'holidays';
    if (parts[1] === 'businessHoursOnly') return 'aroundTheClock';
    if (parts[1] === 'hours') return parts[2] === undefined ? 'days' : intervalPath(values, Number(parts[2]), parts[3]);
  }
  if (parts[0] === 'pauseStatuses') return 'pauseStatuses';
  if (parts[0] === 'warningMinutes') return 'warningMinutes';
  return 'form';
}

/** The n-th interval of the flattened week (as formToPolicy sends it), back in its day's list. */
function intervalPath(values: SlaFormValues, n: number, field: string | undefined): string {
  let seen = 0;
  for (const [dayIndex, day] of values.days.entries()) {
    if (n < seen + day.intervals.length) return `days.${dayIndex}.intervals.${n - seen}.${field === 'start' ? 'start' : 'end'}`;
    seen += day.intervals.length;
  }
  return 'days';
}

export function slaErrors(t: Translate, values: SlaFormValues, issues: FieldIssue[]): Record<string, string> {
  return formErrors(t, issues, (path) => formPathOf(values, path));
}

export function validateSla(values: SlaFormValues, t: Translate): Record<string, string> {
  const parsed = slaPolicy.safeParse(formToPolicy(values));
  return parsed.success ? {} : slaErrors(t, values, zodIssues(parsed.error));
}

/** "2 h 30 min", "45 min", "3 d 4 h": a target as a person reads it; business minutes stay hours. */
export function describeMinutes(t: Translate, total: number, aroundTheClock: boolean): string {
  if (!Number.isFinite(total) || total <= 0) return '—';
  const days = aroundTheClock ? Math.floor(total / 1440) : 0;
  const hours = Math.floor((total - days * 1440) / 60);
  const minutes = total % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(t('service.admin.duration.days', { n: days }));
  if (hours > 0) parts.push(t('service.admin.duration.hours', { n: hours }));
  if (minutes > 0) parts.push(t('service.admin.duration.minutes', { n: minutes }));
  return parts.join(' ');
}
