import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { OrderDetail } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { codeLabel } from '../labels';
import { Section } from './Section';

/** What this order did to the customer's points: earned, taken back, spent, and each ledger entry. */
export function PointsSection({ order }: { order: OrderDetail }) {
  const { t, format } = useI18n();
  const summary = order.pointsSummary;
  const now = new Date().toISOString();
  const figure = (label: string, value: number | null, testId: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId} data-value={value ?? ''} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value === null ? '—' : format.number(value)}
      </Text>
    </Stack>
  );
  return (
    <Section title={t('orders.section.points')} testId="order-points">
      <SimpleGrid cols={3} spacing="sm">
        {figure(t('orders.points.earned'), summary.earned, 'order-points-earned')}
        {figure(t('orders.points.reversed'), summary.reversed, 'order-points-reversed')}
        {figure(t('orders.points.spent'), summary.spentOnOrder, 'order-points-spent')}
      </SimpleGrid>
      {order.points.length > 0 && (
        <Stack gap={4} mt={4}>
          {order.points.map((entry) => (
            <Group key={entry.id} justify="space-between" wrap="nowrap">
              <Text size="sm">
                {codeLabel(t, 'orders.code.entry', entry.entryType)}
                <Text span size="xs" c="dimmed">
                  {' · '}
                  {format.date(entry.createdAt)}
                  {entry.availableAt > now ? ` · ${t('orders.points.pendingUntil', { date: format.date(entry.availableAt) })}` : ''}
                </Text>
              </Text>
              <Text size="sm" fw={500} c={entry.points < 0 ? 'orange' : 'teal'} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {entry.points > 0 ? '+' : '−'}
                {format.number(Math.abs(entry.points))}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
