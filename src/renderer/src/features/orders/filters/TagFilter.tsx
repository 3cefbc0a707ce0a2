import { Group, TagsInput, Text } from '@mantine/core';
import { useMemo } from 'react';
import { ORDER_FACET_MAX_TAGS, type OrderFacetValue } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';

/**
 * The tag filter: any tag can be typed, and the tags orders actually carry
 * are suggested with how many orders carry each (most used first).
 */
export function TagFilter({
  value,
  onChange,
  inUse,
  truncated,
}: {
  value: string[];
  onChange: (tags: string[]) => void;
  inUse: OrderFacetValue[] | undefined;
  truncated: boolean;
}) {
  const { t, format } = useI18n();
  const counts = useMemo(() => new Map((inUse ?? []).map((f) => [f.value, f.orders])), [inUse]);
  return (
    <TagsInput
      w={240}
      aria-label={t('orders.filter.tag')}
      placeholder={value.length ? undefined : t('orders.filter.tagPlaceholder')}
      value={value}
      onChange={onChange}
      data={(inUse ?? []).map((f) => f.value)}
      renderOption={({ option }) => (
        <Group justify="space-between" gap="lg" wrap="nowrap" w="100%" data-testid="orders-filter-tag-option">
          <span>{option.value}</span>
          <Text size="xs" c="dimmed" aria-label={t('orders.filter.valueOrders', { count: format.number(counts.get(option.value) ?? 0) })}>
            {format.number(counts.get(option.value) ?? 0)}
          </Text>
        </Group>
      )}
      description={truncated ? t('orders.filter.tagsMore', { count: format.number(ORDER_FACET_MAX_TAGS) }) : undefined}
      maxTags={50}
      limit={20}
      clearable
      data-testid="orders-filter-tag"
    />
  );
}
