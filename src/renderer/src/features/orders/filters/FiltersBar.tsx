import { Badge, Button, Collapse, Group, Paper, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconAdjustmentsHorizontal, IconCalendar, IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import {
  FINANCIAL_STATUSES,
  FULFILLMENT_STATUSES,
  ORDER_STATUSES,
  type OrderFacetValue,
  type OrderFilter,
} from '../../../../../shared/contract';
import { useAppInfo } from '../../settings/api';
import { useI18n } from '../../../i18n';
import { useOrderFacets } from '../api';
import { codeLabel } from '../labels';
import { AmountRangeInputs } from './AmountRangeInputs';
import { MultiFilter, type MultiFilterOption } from './MultiFilter';
import { activeFilterCount, secondaryFilterCount, withFilter } from './query';
import { SearchInput } from './SearchInput';
import { TagFilter } from './TagFilter';

type PickerValue = [string | null, string | null];

export function FiltersBar({ filter, onChange }: { filter: OrderFilter; onChange: (filter: OrderFilter) => void }) {
  const { t, format } = useI18n();
  const stores = useAppInfo().data?.stores ?? [];
  // The values in use (in the chosen store), so the pickers list what the data holds.
  const facets = useOrderFacets(filter.storeId);
  const secondaryOn = secondaryFilterCount(filter);
  const [more, setMore] = useState(secondaryOn > 0);
  const [picking, setPicking] = useState<PickerValue | null>(null);
  const total = activeFilterCount(filter);
  const set = <K extends keyof OrderFilter>(key: K, value: OrderFilter[K] | null) => onChange(withFilter(filter, key, value));
  const currency =
    stores.find((s) => s.id === filter.storeId)?.currency ?? stores[0]?.currency ?? 'USD';

  const multi = (key: 'status' | 'financialStatus' | 'fulfillmentStatus', label: string, prefix: string, codes: readonly string[]) => (
    <MultiFilter
      label={label}
      options={codes.map((code) => ({ value: code, label: codeLabel(t, prefix, code) }))}
      value={(filter[key] as string[] | undefined) ?? []}
      onChange={(values) => set(key, values as never)}
      testId={`orders-filter-${key}`}
    />
  );

  const facetPicker = (key: 'channel' | 'paymentMethod', label: string, prefix: string, inUse: OrderFacetValue[] | undefined) => {
    const chosen = filter[key] ?? [];
    // A chosen value no order carries any more (from a saved view, say) stays listed, with 0, so it can be unticked.
    const options: MultiFilterOption[] = [
      ...(inUse ?? []).map((f) => ({ value: f.value, label: codeLabel(t, prefix, f.value), count: f.orders })),
      ...chosen.filter((v) => !inUse?.some((f) => f.value === v)).map((v) => ({ value: v, label: codeLabel(t, prefix, v), count: 0 })),
    ];
    return (
      <MultiFilter
        label={label}
        options={options}
        value={chosen}
        onChange={(values) => set(key, values)}
        testId={`orders-filter-${key}`}
        formatCount={(count) => ({ short: format.number(count), long: t('orders.filter.valueOrders', { count: format.number(count) }) })}
        loading={facets.isPending}
        loadingText={t('orders.filter.loadingValues')}
        emptyText={t('orders.filter.noValues')}
      />
    );
  };

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
          {facetPicker('channel', t('orders.filter.channel'), 'orders.channel', facets.data?.channels)}
          {facetPicker('paymentMethod', t('orders.filter.method'), 'orders.method', facets.data?.paymentMethods)}
          <AmountRangeInputs
            value={{ minTotalMinor: filter.minTotalMinor, maxTotalMinor: filter.maxTotalMinor }}
            currency={currency}
            onChange={(amounts) => onChange(withFilter(withFilter(filter, 'minTotalMinor', amounts.minTotalMinor ?? null), 'maxTotalMinor', amounts.maxTotalMinor ?? null))}
          />
          <TagFilter value={filter.tag ?? []} onChange={(tags) => set('tag', tags)} inUse={facets.data?.tags} truncated={facets.data?.tagsTruncated ?? false} />
        </Group>
      </Collapse>
    </Paper>
  );
}
