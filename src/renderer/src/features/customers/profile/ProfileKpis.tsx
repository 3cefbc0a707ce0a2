import { ActionIcon, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { CustomerProfile } from '../../../../../shared/contract';
import { useI18n, type Formatters, type Translate } from '../../../i18n';

const GRID_COLS = { base: 1, xs: 2, md: 3 } as const;

interface Kpi {
  testId: string;
  label: string;
  display: string;
  /** The raw figure, for tests and assistive tools. */
  value: string | number;
  note?: string;
  hint?: string;
}

/** Orders, lifetime spend, AOV, first and last order, and when the next order is likely. */
export function ProfileKpis({ customer }: { customer: CustomerProfile }) {
  const { t, format } = useI18n();
  const { figures, nextPurchase } = customer;
  const money = (minor: number | null) => (minor === null ? '—' : format.money(minor, figures.currency));
  const date = (iso: string | null) => (iso ? format.date(iso) : '—');
  const kpis: Kpi[] = [
    {
      testId: 'profile-orders',
      label: t('customers.kpi.orders'),
      display: format.number(figures.ordersCount),
      value: figures.ordersCount,
      hint: t('customers.kpi.excludes'),
    },
    {
      testId: 'profile-spend',
      label: t('customers.kpi.spend'),
      display: money(figures.lifetimeSpendMinor),
      value: figures.lifetimeSpendMinor,
    },
    {
      testId: 'profile-aov',
      label: t('customers.kpi.aov'),
      display: money(figures.averageOrderValueMinor),
      value: figures.averageOrderValueMinor ?? '',
    },
    {
      testId: 'profile-first-order',
      label: t('customers.kpi.firstOrder'),
      display: date(figures.firstOrderAt),
      value: figures.firstOrderAt ?? '',
      note: figures.firstOrderAt ? undefined : t('customers.kpi.noOrders'),
    },
    {
      testId: 'profile-last-order',
      label: t('customers.kpi.lastOrder'),
      display: date(figures.lastOrderAt),
      value: figures.lastOrderAt ?? '',
    },
    {
      testId: 'profile-next-purchase',
      label: t('customers.kpi.nextPurchase'),
      display: nextPurchase ? format.date(nextPurchase.expectedAt) : '—',
      value: nextPurchase?.expectedAt ?? '',
      note: nextPurchaseNote(nextPurchase, t, format),
      hint: nextPurchase
        ? t('customers.kpi.nextPurchaseHint', {
            days: format.number(nextPurchase.medianGapDays),
            gaps: format.number(nextPurchase.basedOnGaps),
          })
        : undefined,
    },
  ];
  return (
    <SimpleGrid cols={GRID_COLS} spacing="md" data-testid="profile-kpis">
      {kpis.map((kpi) => (
        <KpiTile key={kpi.testId} kpi={kpi} />
      ))}
    </SimpleGrid>
  );
}

function KpiTile({ kpi }: { kpi: Kpi }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={4}>
        <Group gap={4} wrap="nowrap" justify="space-between">
          <Text size="sm" c="dimmed" fw={500} lh={1.4}>
            {kpi.label}
          </Text>
          {kpi.hint && (
            <Tooltip label={kpi.hint} multiline maw={300} withArrow>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={kpi.hint}>
                <IconInfoCircle size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        <Text
          fz={22}
          fw={700}
          lh={1.25}
          style={{ fontVariantNumeric: 'tabular-nums' }}
          data-testid={kpi.testId}
          data-value={kpi.value}
        >
          {kpi.display}
        </Text>
        <Text size="xs" c="dimmed" mih={16}>
          {kpi.note ?? '\u00a0'}
        </Text>
      </Stack>
    </Paper>
  );
}

export function ProfileKpisSkeleton() {
  return (
    <SimpleGrid cols={GRID_COLS} spacing="md">
      {Array.from({ length: 6 }, (_, i) => (
        <Paper key={i} withBorder p="md" radius="md">
          <Skeleton height={12} width="60%" mb={12} />
          <Skeleton height={24} width="70%" mb={10} />
          <Skeleton height={10} width="40%" />
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/**
 * Under the expected date: the window, or that the customer is past it (the
 * signal to win them back). One gap gives one date, not a window: the range is
 * said only when there is one.
 */
function nextPurchaseNote(next: CustomerProfile['nextPurchase'], t: Translate, format: Formatters): string | undefined {
  if (!next) return t('customers.kpi.nextPurchaseNone');
  if (Date.parse(next.latestAt) < Date.now()) {
    return t('customers.kpi.nextPurchaseOverdue', { date: format.date(next.latestAt) });
  }
  if (next.earliestAt.slice(0, 10) === next.latestAt.slice(0, 10)) return undefined;
  return t('customers.kpi.nextPurchaseRange', { from: format.date(next.earliestAt), to: format.date(next.latestAt) });
}
