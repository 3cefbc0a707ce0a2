import { ActionIcon, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useCampaignCalendar } from '../api';
import { todayUtc } from '../window';
import { MonthGrid } from './MonthGrid';
import { monthGrid, shiftMonth } from './monthGrid';

/** Campaigns, coupon expiry waves and points expiry waves on a month grid, one month at a time. */
export function CalendarTab() {
  const { t, format } = useI18n();
  const today = todayUtc();
  const [month, setMonth] = useState(today.slice(0, 7));
  const grid = monthGrid(month);
  const calendar = useCampaignCalendar(grid.from, grid.to);
  return (
    <Stack gap="md" data-testid="campaign-calendar" data-month={month}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <ActionIcon variant="default" size="lg" onClick={() => setMonth(shiftMonth(month, -1))} aria-label={t('campaigns.calendar.previous')} data-testid="calendar-previous">
            <IconChevronLeft size={18} />
          </ActionIcon>
          <Title order={2} fz="lg" miw={140} ta="center" aria-live="polite" data-testid="calendar-month">{format.month(month)}</Title>
          <ActionIcon variant="default" size="lg" onClick={() => setMonth(shiftMonth(month, 1))} aria-label={t('campaigns.calendar.next')} data-testid="calendar-next">
            <IconChevronRight size={18} />
          </ActionIcon>
          <Button variant="subtle" size="xs" onClick={() => setMonth(today.slice(0, 7))}>{t('campaigns.calendar.today')}</Button>
        </Group>
        <Legend />
      </Group>
      <Text size="xs" c="dimmed">{t('campaigns.calendar.keys')}</Text>
      {calendar.isPending ? (
        <Skeleton height={520} radius="md" />
      ) : calendar.isError ? (
        <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <Paper withBorder radius="md" p={0} style={{ overflowX: 'auto', opacity: calendar.isPlaceholderData ? 0.6 : 1 }}>
          <MonthGrid month={month} weeks={grid.weeks} items={calendar.data.items} today={today} onMonth={setMonth} />
        </Paper>
      )}
      {calendar.isSuccess && calendar.data.items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="calendar-empty">{t('campaigns.calendar.empty')}</Text>
      )}
    </Stack>
  );
}

function Legend() {
  const { t } = useI18n();
  const swatch = (color: string) => <span aria-hidden style={{ width: 10, height: 10, borderRadius: 2, background: color, display: 'inline-block' }} />;
  return (
    <Group gap="md">
      <Group gap={4}>{swatch('var(--mantine-primary-color-filled)')}<Text size="xs">{t('campaigns.calendar.legendCampaign')}</Text></Group>
      <Group gap={4}>{swatch('var(--mantine-color-orange-filled)')}<Text size="xs">{t('campaigns.calendar.legendCoupons')}</Text></Group>
      <Group gap={4}>{swatch('var(--mantine-color-grape-filled)')}<Text size="xs">{t('campaigns.calendar.legendPoints')}</Text></Group>
    </Group>
  );
}
