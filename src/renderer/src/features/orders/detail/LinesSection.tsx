import { Group, Stack, Text } from '@mantine/core';
import type { OrderDetail } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { Section } from './Section';

export function LinesSection({ order }: { order: OrderDetail }) {
  const { t, format } = useI18n();
  return (
    <Section title={t('orders.section.lines')} count={order.lines.length} testId="order-lines">
      <Stack gap={6}>
        {order.lines.map((line) => (
          <Group key={line.id} justify="space-between" wrap="nowrap" align="flex-start" gap="md">
            <Stack gap={0} miw={0}>
              <Text size="sm" fw={500} truncate>
                {line.title}
              </Text>
              <Text size="xs" c="dimmed">
                {t('orders.lines.quantity', { quantity: line.quantity, price: format.money(line.unitPriceMinor, order.currency) })}
                {line.sku ? ` · ${t('orders.lines.sku', { sku: line.sku })}` : ''}
              </Text>
            </Stack>
            <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {format.money(line.totalMinor, order.currency)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}
