import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { invoke } from '../../../api';
import { useT } from '../../../i18n';

/** Finds a customer by name, email or phone as the merchant types (the customers area's own search). */
export function CustomerPicker({ value, onChange }: { value: number | null; onChange: (id: number | null) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['customers', 'pick', debounced],
    queryFn: () => invoke('customers.list', { filter: { search: debounced }, limit: 10 }),
    enabled: debounced.length >= 2,
  });
  const options = (found.data?.rows ?? []).map((c) => ({
    value: String(c.id), label: [c.name, c.email].filter(Boolean).join(' · ') || `#${c.id}`,
  }));
  return (
    <Select
      label={t('feedback.add.customer')}
      placeholder={t('feedback.add.customerPlaceholder')}
      searchable
      clearable
      data={options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v === null ? null : Number(v))}
      nothingFoundMessage={debounced.length >= 2 && !found.isFetching ? t('feedback.add.noCustomer') : undefined}
      filter={({ options: all }) => all}
      data-testid="feedback-add-customer"
    />
  );
}
