import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch, IconTag } from '@tabler/icons-react';
import { CUSTOMER_SEGMENTS, type CustomerSegment } from '../../../../../shared/contract';
import { useAppInfo } from '../../settings/api';
import { useT } from '../../../i18n';
import { SEGMENT_LABEL } from '../labels';

/** What the merchant typed and picked; the list debounces the text fields before asking. */
export interface CustomerFilterState {
  search: string;
  segments: CustomerSegment[];
  storeId: number | null;
  consent: 'any' | 'yes' | 'no';
  tag: string;
}

/** Session storage, so the list is as it was left after opening a profile (segments link here too). */
export const FILTERS_STORAGE_KEY = 'backroom.customers.filters';

export const NO_FILTERS: CustomerFilterState = { search: '', segments: [], storeId: null, consent: 'any', tag: '' };

export const hasFilters = (f: CustomerFilterState): boolean =>
  f.search.trim() !== '' || f.segments.length > 0 || f.storeId !== null || f.consent !== 'any' || f.tag.trim() !== '';

export function CustomerFilters({
  value,
  onChange,
}: {
  value: CustomerFilterState;
  onChange: (next: CustomerFilterState) => void;
}) {
  const t = useT();
  const stores = useAppInfo().data?.stores ?? [];
  const set = (patch: Partial<CustomerFilterState>) => onChange({ ...value, ...patch });
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="sm">
      <TextInput
        label={t('customers.search.label')}
        placeholder={t('customers.search.placeholder')}
        leftSection={<IconSearch size={16} />}
        value={value.search}
        onChange={(event) => set({ search: event.currentTarget.value })}
        w={280}
        type="search"
        data-testid="customers-search"
      />
      <MultiSelect
        label={t('customers.filter.segment')}
        placeholder={value.segments.length === 0 ? t('customers.filter.segmentAny') : undefined}
        data={CUSTOMER_SEGMENTS.map((segment) => ({ value: segment, label: t(SEGMENT_LABEL[segment]) }))}
        value={value.segments}
        onChange={(segments) => set({ segments: segments as CustomerSegment[] })}
        clearable
        w={260}
        maxDropdownHeight={320}
        data-testid="customers-filter-segment"
      />
      {/* One store needs no store filter. */}
      {stores.length > 1 && (
        <Select
          label={t('customers.filter.store')}
          placeholder={t('customers.filter.storeAny')}
          data={stores.map((store) => ({ value: String(store.id), label: store.name }))}
          value={value.storeId === null ? null : String(value.storeId)}
          onChange={(id) => set({ storeId: id === null ? null : Number(id) })}
          clearable
          w={200}
        />
      )}
      <Select
        label={t('customers.filter.consent')}
        data={[
          { value: 'any', label: t('customers.filter.consentAny') },
          { value: 'yes', label: t('customers.filter.consentYes') },
          { value: 'no', label: t('customers.filter.consentNo') },
        ]}
        value={value.consent}
        onChange={(consent) => set({ consent: (consent ?? 'any') as CustomerFilterState['consent'] })}
        allowDeselect={false}
        w={170}
        data-testid="customers-filter-consent"
      />
      <TextInput
        label={t('customers.filter.tag')}
        placeholder={t('customers.filter.tagPlaceholder')}
        leftSection={<IconTag size={16} />}
        value={value.tag}
        onChange={(event) => set({ tag: event.currentTarget.value })}
        w={170}
      />
      {hasFilters(value) && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={() => onChange(NO_FILTERS)}>
          {t('customers.filter.clear')}
        </Button>
      )}
    </Group>
  );
}
