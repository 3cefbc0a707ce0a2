import { Group, SegmentedControl, Select } from '@mantine/core';
import type { DayBasis } from '../../../../../shared/contract';
import { useT } from '../../../i18n';
import { MultiFilter } from '../../orders/filters/MultiFilter';
import { DateRangeControl } from '../../dashboard/DateRangeControl';
import { useLogisticsFacets } from '../api';
import type { LogisticsFilters } from './useLogisticsQuery';

/** Range, day basis, carriers and destination country: everything the figures below answer to. */
export function DashboardFilters({
  filters,
  today,
  onChange,
}: {
  filters: LogisticsFilters;
  today: string;
  onChange: (next: LogisticsFilters) => void;
}) {
  const t = useT();
  const facets = useLogisticsFacets();
  return (
    <Group gap="sm" wrap="wrap" mb="md" data-testid="logistics-filters">
      <DateRangeControl selection={filters.selection} today={today} onChange={(selection) => onChange({ ...filters, selection })} />
      <SegmentedControl
        aria-label={t('logistics.basis.label')}
        data-testid="logistics-basis"
        value={filters.basis}
        onChange={(basis) => onChange({ ...filters, basis: basis as DayBasis })}
        data={[
          { value: 'calendar', label: t('logistics.basis.calendar') },
          { value: 'business', label: t('logistics.basis.business') },
        ]}
      />
      <MultiFilter
        label={t('logistics.filter.carrier')}
        testId="logistics-filter-carrier"
        options={(facets.data?.carriers ?? []).map((carrier) => ({ value: carrier, label: carrier }))}
        value={filters.carriers}
        onChange={(carriers) => onChange({ ...filters, carriers })}
        loading={facets.isPending}
        loadingText={t('logistics.filter.loading')}
        emptyText={t('logistics.filter.noCarriers')}
      />
      <Select
        aria-label={t('logistics.filter.country')}
        placeholder={t('logistics.filter.allCountries')}
        data-testid="logistics-filter-country"
        w={150}
        clearable
        searchable
        data={facets.data?.countries ?? []}
        value={filters.country}
        onChange={(country) => onChange({ ...filters, country })}
      />
    </Group>
  );
}
