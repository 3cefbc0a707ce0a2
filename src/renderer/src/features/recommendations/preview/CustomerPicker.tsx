import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { invoke } from '../../../api';
import { useT } from '../../../i18n';

/** Finds a customer by name, email or phone (the customers area's own search); the chosen one keeps its label. */
export function CustomerPicker({ value, onChange }: { value: { id: number; label: string } | null; onChange: (customer: { id: number; label: string } | null) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['recs', 'customerPick', debounced],
    queryFn: () => invoke('customers.list', { ...(debounced.length >= 2 && { filter: { search: debounced } }), sort: { by: 'orders', direction: 'desc' }, limit: 10 }),
  });
  const options = (found.data?.rows ?? []).map((c) => ({ value: String(c.id), label: [c.name, c.email].filter(Boolean).join(' · ') || `#${c.id}` }));
  if (value && !options.some((o) => o.value === String(value.id))) options.unshift({ value: String(value.id), label: value.label });
  return (
    <Select
      label={t('recs.preview.customer')}
      placeholder={t('recs.preview.customerPlaceholder')}
      searchable
      clearable
      data={options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value === null ? null : String(value.id)}
      onChange={(v, option) => onChange(v === null ? null : { id: Number(v), label: option?.label ?? `#${v}` })}
      nothingFoundMessage={!found.isFetching ? t('recs.preview.noCustomer') : undefined}
      filter={({ options: all }) => all}
      data-testid="recs-customer-picker"
    />
  );
}
