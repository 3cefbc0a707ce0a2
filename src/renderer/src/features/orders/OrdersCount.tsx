import { ActionIcon, Group, Popover, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { ORDER_COUNT_CAP, ORDER_COUNT_SCAN } from '../../../../shared/contract';
import { useI18n } from '../../i18n';

/**
 * The header's "12,345 orders". The core stops counting early to keep the
 * list fast; when it did, the figure reads "10,000+" and a popover says why,
 * rather than passing a lower bound off as the number.
 */
export function OrdersCount({ count, exact }: { count: number; exact: boolean }) {
  const { t, format } = useI18n();
  const label = !exact
    ? t('orders.matchingAtLeast', { count: format.number(count) })
    : count === 1 ? t('orders.matchingOne') : t('orders.matching', { count: format.number(count) });
  return (
    <Group component="span" gap={4} wrap="nowrap" display="inline-flex">
      <span data-testid="orders-count" data-count={count} data-exact={exact}>
        {label}
      </span>
      {!exact && (
        <Popover position="bottom-start" width={300} shadow="md" withArrow>
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('orders.countHint')} data-testid="orders-count-hint">
              <IconInfoCircle size={16} aria-hidden />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <Text size="sm" data-testid="orders-count-why">
              {count >= ORDER_COUNT_CAP
                ? t('orders.countCapped', { cap: format.number(ORDER_COUNT_CAP) })
                : t('orders.countScanned', { scan: format.number(ORDER_COUNT_SCAN) })}
            </Text>
          </Popover.Dropdown>
        </Popover>
      )}
    </Group>
  );
}
