import { Group, Select } from '@mantine/core';
import { SHIPMENT_STATUSES, type InputOf, type ShipmentStatus } from '../../../../../shared/contract';
import { useT } from '../../../i18n';
import { MultiFilter } from '../../orders/filters/MultiFilter';
import { SearchBox } from '../../../components/SearchBox';
import { useLogisticsFacets } from '../api';
import { STATUS_LABELS } from '../labels';

export type ShipmentsQuery = Omit<InputOf<'shipments.list'>, 'cursor' | 'limit'>;
type Sort = NonNullable<ShipmentsQuery['sort']>;
const SORTS: Sort[] = ['shipped_desc', 'shipped_asc', 'last_event_desc', 'estimated_asc'];

/** Search, status, carrier, destination country and order of the shipments list. */
export function ShipmentFilters({ query, onChange }: { query: ShipmentsQuery; onChange: (next: ShipmentsQuery) => void }) {
  const t = useT();
  const facets = useLogisticsFacets();
  const set = <K extends keyof ShipmentsQuery>(key: K, value: ShipmentsQuery[K] | undefined) => {
    const next = { ...query };
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  return (
    <Group gap="sm" wrap="wrap" mb="md" data-testid="shipments-filters">
      <SearchBox
        value={query.search}
        onChange={(search) => set('search', search)}
        label={t('logistics.shipments.search')}
        placeholder={t('logistics.shipments.searchPlaceholder')}
        clearLabel={t('logistics.filter.clearSearch')}
        testId="shipments-search"
        maw={380}
      />
      <MultiFilter
        label={t('logistics.filter.status')}
        testId="shipments-filter-status"
        options={SHIPMENT_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABELS[s]) }))}
        value={query.status ?? []}
        onChange={(status) => set('status', status as ShipmentStatus[])}
      />
      <MultiFilter
        label={t('logistics.filter.carrier')}
        testId="shipments-filter-carrier"
        options={(facets.data?.carriers ?? []).map((c) => ({ value: c, label: c }))}
        value={query.carrier ?? []}
        onChange={(carrier) => set('carrier', carrier)}
        loading={facets.isPending}
        loadingText={t('logistics.filter.loading')}
        emptyText={t('logistics.filter.noCarriers')}
      />
      <Select
        aria-label={t('logistics.filter.country')}
        placeholder={t('logistics.filter.allCountries')}
        w={170}
        clearable
        searchable
        data={facets.data?.countries ?? []}
        value={query.country ?? null}
        onChange={(country) => set('country', country ?? undefined)}
        data-testid="shipments-filter-country"
      />
      <Select
        aria-label={t('logistics.sort.label')}
        w={210}
        allowDeselect={false}
        data={SORTS.map((s) => ({ value: s, label: t(`logistics.sort.${s}`) }))}
        value={query.sort ?? 'shipped_desc'}
        onChange={(sort) => sort && set('sort', sort as Sort)}
        data-testid="shipments-sort"
      />
    </Group>
  );
}
