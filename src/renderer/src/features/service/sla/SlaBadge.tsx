import { Badge } from '@mantine/core';
import type { SlaState } from '../../../../../shared/contract';
import { useT, type Translate } from '../../../i18n';
import { useSlaPolicy } from '../api';
import { countdownOf, durationParts, SLA_COLORS } from './countdown';

/** "1h 5m" in the UI language. */
export function durationText(t: Translate, minutes: number): string {
  const { days, hours, minutes: mins } = durationParts(minutes);
  if (days > 0) return t('service.duration.dh', { d: days, h: hours });
  if (hours > 0) return t('service.duration.hm', { h: hours, m: mins });
  return t('service.duration.m', { m: mins });
}

/** The words for a deadline: "due in 42m", "overdue 1h 5m", "paused". */
export function countdownText(t: Translate, state: SlaState, minutes: number | null): string {
  if (state === 'paused') return t('service.sla.paused');
  if (state === 'met') return t('service.sla.met');
  if (state === 'missed') return t('service.sla.missed');
  if (minutes === null || state === 'none') return t('service.sla.none');
  return minutes < 0
    ? t('service.sla.overdue', { time: durationText(t, minutes) })
    : t('service.sla.dueIn', { time: durationText(t, minutes) });
}

/**
 * A deadline as a countdown: green while there is time, amber within the
 * policy's warning time, red once overdue, grey while the clock is paused.
 * `now` comes from the caller (one clock per list, ticking every 30 s).
 */
export function SlaBadge({ dueAt, state, now, testId = 'sla-badge' }: { dueAt: string | null; state: SlaState; now: number; testId?: string }) {
  const t = useT();
  const warning = useSlaPolicy().data?.warningMinutes ?? null;
  const countdown = countdownOf(dueAt, state, now, warning);
  if (countdown.state === 'none') return null;
  return (
    <Badge
      size="sm"
      variant={countdown.state === 'breached' ? 'filled' : 'light'}
      color={SLA_COLORS[countdown.state]}
      data-testid={testId}
      data-state={countdown.state}
      styles={{ label: { textTransform: 'none' } }}
    >
      {countdownText(t, countdown.state, countdown.minutes)}
    </Badge>
  );
}
