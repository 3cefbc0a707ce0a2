import type { SlaState } from '../../../../../shared/contract';

/** How a deadline looks right now: its colour state and the minutes to it (negative once past). */
export interface Countdown {
  state: SlaState;
  minutes: number | null;
}

/**
 * The state shown for a running deadline, recomputed on the clock rather than
 * taken only from the last fetch, so a badge turns amber and then red while
 * the page stays open. A paused clock, a met or missed target and a ticket
 * without deadline keep the core's state.
 */
export function countdownOf(
  dueAt: string | null,
  coreState: SlaState,
  now: number,
  warningMinutes: number | null,
): Countdown {
  if (coreState === 'paused' || coreState === 'met' || coreState === 'missed') {
    return { state: coreState, minutes: dueAt === null ? null : minutesTo(dueAt, now) };
  }
  if (dueAt === null || coreState === 'none') return { state: 'none', minutes: null };
  const minutes = minutesTo(dueAt, now);
  if (minutes < 0) return { state: 'breached', minutes };
  if (coreState === 'breached') return { state: 'breached', minutes };
  if (warningMinutes !== null) return { state: minutes <= warningMinutes ? 'warning' : 'ok', minutes };
  return { state: coreState, minutes };
}

function minutesTo(dueAt: string, now: number): number {
  const ms = Date.parse(dueAt) - now;
  // Floor towards "less time left": 59.5 minutes left shows 59m, 30 s overdue shows overdue 1m.
  return Math.floor(ms / 60_000);
}

/** "1d 3h", "1h 5m", "42m" (largest two units). */
export function durationParts(totalMinutes: number): { days: number; hours: number; minutes: number } {
  const abs = Math.abs(totalMinutes);
  return { days: Math.floor(abs / 1440), hours: Math.floor((abs % 1440) / 60), minutes: abs % 60 };
}

export const SLA_COLORS: Record<SlaState, string> = {
  ok: 'teal',
  warning: 'orange',
  breached: 'red',
  paused: 'gray',
  met: 'teal',
  missed: 'red',
  none: 'gray',
};
