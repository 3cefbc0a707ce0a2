import { Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useI18n } from '../i18n';
import { directionOf, type Change } from './change';

export interface KpiCardProps {
  testId: string;
  label: string;
  icon: Icon;
  /** The figure as shown. */
  display: string;
  /** The raw figure (an exact integer for counts), for tests and assistive tools. */
  value: number | null;
  /** Omitted when there is no previous period to compare with ("all time", open tickets). */
  change?: Change;
  /** A short note in place of the comparison. */
  note?: string;
}

const ARROWS = { up: '▲', down: '▼', flat: '■' } as const;
const COLORS = { up: 'teal', down: 'red', flat: 'dimmed' } as const;

export function KpiCard({ testId, label, icon: KpiIcon, display, value, change, note }: KpiCardProps) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed" fw={500} lh={1.4}>
            {label}
          </Text>
          <ThemeIcon variant="light" size={32} radius="md" aria-hidden>
            <KpiIcon size={18} stroke={1.7} />
          </ThemeIcon>
        </Group>
        <Text
          fz={28}
          fw={700}
          lh={1.2}
          style={{ fontVariantNumeric: 'tabular-nums' }}
          data-testid={testId}
          data-value={value ?? ''}
        >
          {display}
        </Text>
        {change ? <ChangeLine change={change} /> : <Text size="xs" c="dimmed">{note ?? '\u00a0'}</Text>}
      </Stack>
    </Paper>
  );
}

function ChangeLine({ change }: { change: Change }) {
  const { t, format } = useI18n();
  const direction = directionOf(change);
  if (direction === null) {
    return <Text size="xs" c="dimmed">{t('kpi.noPrevious')}</Text>;
  }
  const magnitude =
    change.kind === 'relative'
      ? format.percent(Math.abs(change.ratio))
      : change.kind === 'points'
        ? t('kpi.points', { value: format.number(Math.round(Math.abs(change.points) * 10) / 10) })
        : '';
  const spoken =
    direction === 'flat' ? t('kpi.unchanged') : t(direction === 'up' ? 'kpi.up' : 'kpi.down', { value: magnitude });
  return (
    <Group gap={6} wrap="wrap">
      <Text size="xs" fw={600} c={COLORS[direction]} aria-label={spoken} data-testid="kpi-change">
        {ARROWS[direction]} {direction === 'flat' ? t('kpi.unchanged') : magnitude}
      </Text>
      <Text size="xs" c="dimmed">
        {t('kpi.vsPrevious')}
      </Text>
    </Group>
  );
}
