import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { invoke } from '../../../api';
import { useT } from '../../../i18n';

/**
 * Finds a customer by name, email or phone as the merchant types (the
 * customers area's own search); before anything is typed it offers the
 * customers with the most orders, so a preview is one click away.
 */
export function CustomerPicker({ value, onChange }: { value: number | null; onChange: (id: number | null) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['community', 'customerPick', debounced],
    queryFn: () => invoke('customers.list', { ...(debounced.length >= 2 && { filter: { search: debounced } }), sort: { by: 'orders', direction: 'desc' }, limit: 10 }),
  });
  // The chosen customer keeps its label while the search shows others.
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  const options = (found.data?.rows ?? []).map((c) => ({ value: String(c.id), label: [c.name, c.email].filter(Boolean).join(' · ') || `#${c.id}` }));
  if (value !== null && chosenLabel && !options.some((o) => o.value === String(value))) options.unshift({ value: String(value), label: chosenLabel });
  return (
    <Select
      label={t('community.templates.previewFor')}
      placeholder={t('community.templates.customerPlaceholder')}
      searchable
      clearable
      data={options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value === null ? null : String(value)}
      onChange={(v, option) => {
        setChosenLabel(option?.label ?? null);
        onChange(v === null ? null : Number(v));
      }}
      nothingFoundMessage={!found.isFetching ? t('community.templates.noCustomer') : undefined}
      filter={({ options: all }) => all}
      data-testid="template-preview-customer"
    />
  );
}
