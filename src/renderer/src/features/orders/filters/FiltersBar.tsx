import { Badge, Button, Collapse, Group, Paper, Select, TagsInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconAdjustmentsHorizontal, IconCalendar, IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import {
  FINANCIAL_STATUSES,
  FULFILLMENT_STATUSES,
  ORDER_STATUSES,
  type OrderFilter,
} from '../../../../../shared/contract';
import { useAppInfo } from '../../settings/api';
import { useT } from '../../../i18n';
import { codeLabel } from '../labels';
import { AmountRangeInputs } from './AmountRangeInputs';
import { MultiFilter } from './MultiFilter';
import { activeFilterCount, CHANNELS, PAYMENT_METHODS, secondaryFilterCount, withFilter } from './query';
import { SearchInput } from './SearchInput';

type PickerValue = [string | null, string | null];

export function FiltersBar({ filter, onChange }: { filter: OrderFilter; onChange: (filter: OrderFilter) => void }) {
  const t = useT();
  const stores = useAppInfo().data?.stores ?? [];
  const secondaryOn = secondaryFilterCount(filter);
  const [more, setMore] = useState(secondaryOn > 0);
  const [picking, setPicking] = useState<PickerValue | null>(null);
  const total = activeFilterCount(filter);
  const set = <K extends keyof OrderFilter>(key: K, value: OrderFilter[K] | null) => onChange(withFilter(filter, key, value));
  const currency =
    stores.find((s) => s.id === filter.storeId)?.currency ?? stores[0]?.currency ?? 'USD';

  const multi = (key: 'status' | 'financialStatus' | 'fulfillmentStatus' | 'channel' | 'paymentMethod', label: string, prefix: string, codes: readonly string[]) => (
    <MultiFilter
      label={label}
      options={codes.map((code) => ({ value: code, label: codeLabel(t, prefix, code) }))}
      value={(filter[key] as string[] | undefined) ?? []}
      onChange={(values) => set(key, values as never)}
      testId={`orders-filter-${key}`}
    />
  );

  const range = filter.range;
  return (
    <Paper withBorder radius="md" p="sm" mb="md" data-testid="orders-filters" data-active-count={total}>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <SearchInput value={filter.search} onChange={(search) => set('search', search)} />
        {multi('status', t('orders.filter.status'), 'orders.status', ORDER_STATUSES)}
        {multi('financialStatus', t('orders.filter.payment'), 'orders.financial', FINANCIAL_STATUSES)}
        {multi('fulfillmentStatus', t('orders.filter.fulfillment'), 'orders.fulfillment', FULFILLMENT_STATUSES)}
        <DatePickerInput
          type="range"
          w={220}
          aria-label={t('orders.filter.dates')}
          placeholder={t('orders.filter.dates')}
          leftSection={<IconCalendar size={16} aria-hidden />}
          valueFormat="ll"
          allowSingleDateInRange
          clearable
          value={picking ?? [range?.from ?? null, range?.to ?? null]}
          onChange={(value) => {
            const [from, to] = value as PickerValue;
            if (from && !to) return setPicking([from, null]);
            setPicking(null);
            set('range', from && to ? { from, to } : null);
          }}
          data-testid="orders-filter-dates"
        />
        <Button
          variant="subtle"
          leftSection={<IconAdjustmentsHorizontal size={16} />}
          rightSection={secondaryOn > 0 ? <Badge size="sm" circle>{secondaryOn}</Badge> : undefined}
          onClick={() => setMore((open) => !open)}
          aria-expanded={more}
          data-testid="orders-filters-more"
        >
          {more ? t('orders.filter.fewer') : t('orders.filter.more')}
        </Button>
        {total > 0 && (
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconFilterOff size={16} />}
            onClick={() => onChange({})}
            data-testid="orders-filters-clear"
          >
            {t('orders.filter.clear')} · {t('orders.filter.activeCount', { count: total })}
          </Button>
        )}
      </Group>
      <Collapse expanded={more}>
        <Group gap="sm" align="flex-start" wrap="wrap" mt="sm">
          {stores.length > 1 && (
            <Select
              w={200}
              aria-label={t('orders.filter.store')}
              placeholder={t('orders.filter.store')}
              data={stores.map((s) => ({ value: String(s.id), label: s.name }))}
              value={filter.storeId === undefined ? null : String(filter.storeId)}
              onChange={(value) => set('storeId', value === null ? null : Number(value))}
              clearable
              data-testid="orders-filter-store"
            />
          )}
          {multi('channel', t('orders.filter.channel'), 'orders.channel', CHANNELS)}
          {multi('paymentMethod', t('orders.filter.method'), 'orders.method', PAYMENT_METHODS)}
          <AmountRangeInputs
            value={{ minTotalMinor: filter.minTotalMinor, maxTotalMinor: filter.maxTotalMinor }}
            currency={currency}
            onChange={(amounts) => onChange(withFilter(withFilter(filter, 'minTotalMinor', amounts.minTotalMinor ?? null), 'maxTotalMinor', amounts.maxTotalMinor ?? null))}
          />
          <TagsInput
            w={240}
            aria-label={t('orders.filter.tag')}
            placeholder={filter.tag ? undefined : t('orders.filter.tagPlaceholder')}
            value={filter.tag ?? []}
            onChange={(tags) => set('tag', tags)}
            maxTags={50}
            clearable
            data-testid="orders-filter-tag"
          />
        </Group>
      </Collapse>
    </Paper>
  );
}
