import { Anchor, Badge, Box, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CalendarItem } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { campaignsPath } from '../routes';
import { addDaysIso } from '../window';
import { itemsOn, shiftMonth, type DayItems } from './monthGrid';

const MONDAY = '2024-01-01';
const KEY_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * The month as a grid people can walk with the keyboard: arrows move a day or
 * a week, Home / End to the week's ends, Page Up / Page Down a month; moving
 * past the month's edge turns the page. Tab reaches the campaign links inside.
 */
export function MonthGrid({ month, weeks, items, today, onMonth }: {
  month: string;
  weeks: string[][];
  items: CalendarItem[];
  today: string;
  onMonth: (month: string) => void;
}) {
  const { t, locale } = useI18n();
  const [focused, setFocused] = useState(() => (today.startsWith(month) ? today : `${month}-01`));
  const moved = useRef(false);
  const cells = useRef(new Map<string, HTMLDivElement>());
  const activeDay = focused.startsWith(month) ? focused : `${month}-01`;

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    cells.current.get(activeDay)?.focus();
  }, [activeDay]);

  const moveTo = (day: string) => {
    moved.current = true;
    setFocused(day);
    if (!day.startsWith(month)) onMonth(day.slice(0, 7));
  };
  const onKeyDown = (event: KeyboardEvent, day: string, column: number) => {
    if (event.target !== event.currentTarget) return;
    const step = KEY_STEPS[event.key];
    if (step !== undefined) moveTo(addDaysIso(day, step));
    else if (event.key === 'Home') moveTo(addDaysIso(day, -column));
    else if (event.key === 'End') moveTo(addDaysIso(day, 6 - column));
    else if (event.key === 'PageUp' || event.key === 'PageDown') {
      const target = shiftMonth(month, event.key === 'PageUp' ? -1 : 1);
      moveTo(`${target}-${day.slice(8, 10) > '28' ? '28' : day.slice(8, 10)}`);
    } else return;
    event.preventDefault();
  };

  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return (
    <Box role="grid" aria-label={t('campaigns.calendar.gridLabel')} miw={760} data-testid="calendar-grid">
      <Box role="row" style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        {Array.from({ length: 7 }, (_, i) => (
          <Text key={i} role="columnheader" size="xs" fw={600} c="dimmed" p={6} ta="center">
            {weekday.format(new Date(`${addDaysIso(MONDAY, i)}T00:00:00Z`))}
          </Text>
        ))}
      </Box>
      {weeks.map((week) => (
        <Box role="row" key={week[0]} style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)' }}>
          {week.map((day, column) => (
            <DayCell
              key={day}
              day={day}
              inMonth={day.startsWith(month)}
              isToday={day === today}
              items={itemsOn(items, day)}
              startsWeek={column === 0}
              tabIndex={day === activeDay ? 0 : -1}
              refSetter={(el) => (el ? cells.current.set(day, el) : cells.current.delete(day))}
              onKeyDown={(e) => onKeyDown(e, day, column)}
              onFocus={() => setFocused(day)}
            />
          ))}
        </Box>
      ))}
    </Box>
  );
}

function DayCell({ day, inMonth, isToday, items, startsWeek, tabIndex, refSetter, onKeyDown, onFocus }: {
  day: string;
  inMonth: boolean;
  isToday: boolean;
  items: DayItems;
  startsWeek: boolean;
  tabIndex: number;
  refSetter: (el: HTMLDivElement | null) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  onFocus: () => void;
}) {
  const { t, format } = useI18n();
  const coupons = items.couponExpiry.reduce((sum, i) => sum + i.count, 0);
  const points = items.pointsExpiry.reduce((sum, i) => sum + (i.points ?? 0), 0);
  const pointsCustomers = items.pointsExpiry.reduce((sum, i) => sum + i.count, 0);
  const summary = [
    format.date(day),
    ...items.campaigns.map((c) => c.item.title),
    ...(coupons > 0 ? [t('campaigns.calendar.couponsExpire', { count: format.number(coupons) })] : []),
    ...(points > 0 ? [t('campaigns.calendar.pointsExpire', { points: format.number(points), customers: format.number(pointsCustomers) })] : []),
  ].join('. ');
  return (
    <Box
      role="gridcell"
      ref={refSetter}
      tabIndex={tabIndex}
      aria-label={summary}
      aria-current={isToday ? 'date' : undefined}
      onKeyDown={onKeyDown}
      onFocus={(e) => e.target === e.currentTarget && onFocus()}
      data-day={day}
      data-testid="calendar-day"
      mih={96}
      p={4}
      style={{
        borderRight: '1px solid var(--mantine-color-default-border)',
        borderBottom: '1px solid var(--mantine-color-default-border)',
        background: inMonth ? undefined : 'light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-6))',
        outlineOffset: -2,
        minWidth: 0,
      }}
    >
      <Text size="xs" fw={isToday ? 700 : 500} c={inMonth ? (isToday ? 'blue' : undefined) : 'dimmed'} mb={2}>
        {Number(day.slice(8, 10))}
      </Text>
      <Stack gap={2}>
        {items.campaigns.map(({ item, starts, ends }) => (
          <Anchor
            key={`${item.campaignId}-${item.day}`}
            href={item.campaignId === null ? undefined : hrefFor(campaignsPath({ view: 'detail', id: item.campaignId, tab: 'report' }))}
            size="xs"
            c="white"
            underline="never"
            title={item.title}
            data-testid="calendar-campaign"
            // One bar across the days it runs: square and reaching the cell's edge where it goes on.
            style={{
              background: 'var(--mantine-primary-color-filled)',
              borderRadius: `${starts ? 3 : 0}px ${ends ? 3 : 0}px ${ends ? 3 : 0}px ${starts ? 3 : 0}px`,
              marginLeft: starts ? 0 : -5,
              marginRight: ends ? 0 : -5,
              padding: '0 4px',
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              display: 'block',
              minHeight: 18,
            }}
          >
            {starts || startsWeek ? item.title : '\u00a0'}
          </Anchor>
        ))}
        {coupons > 0 && (
          <Badge size="xs" color="orange" variant="light" data-testid="calendar-coupons" data-count={coupons} style={{ maxWidth: '100%' }}>
            {t('campaigns.calendar.couponsShort', { count: format.number(coupons) })}
          </Badge>
        )}
        {points > 0 && (
          <Badge size="xs" color="grape" variant="light" data-testid="calendar-points" data-points={points} style={{ maxWidth: '100%' }}>
            {t('campaigns.calendar.pointsShort', { points: format.number(points) })}
          </Badge>
        )}
      </Stack>
    </Box>
  );
}
