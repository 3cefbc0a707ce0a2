import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { invoke } from '../api';

export interface PickedCustomer {
  id: number;
  label: string;
}

/**
 * Finds a customer by name, email or phone as the merchant types (the
 * customers area's own search). With `suggestTopCustomers`, before anything is
 * typed it offers the customers with the most orders, so a preview is one
 * click away. The chosen customer keeps its label while the search shows others.
 */
export function CustomerPicker(props: {
  value: PickedCustomer | null;
  onChange: (customer: PickedCustomer | null) => void;
  label: string;
  placeholder: string;
  nothingFound: string;
  testId: string;
  suggestTopCustomers?: boolean;
}) {
  const { value, onChange, suggestTopCustomers = false } = props;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const searching = debounced.length >= 2;
  const found = useQuery({
    queryKey: ['customers', 'pick', debounced, suggestTopCustomers],
    queryFn: () => invoke('customers.list', {
      ...(searching && { filter: { search: debounced } }),
      ...(suggestTopCustomers && { sort: { by: 'orders', direction: 'desc' } }),
      limit: 10,
    }),
    enabled: searching || suggestTopCustomers,
  });
  const options = (found.data?.rows ?? []).map((c) => ({ value: String(c.id), label: [c.name, c.email].filter(Boolean).join(' · ') || `#${c.id}` }));
  if (value && !options.some((o) => o.value === String(value.id))) options.unshift({ value: String(value.id), label: value.label });
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      searchable
      clearable
      data={options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value === null ? null : String(value.id)}
      onChange={(v, option) => onChange(v === null ? null : { id: Number(v), label: option?.label ?? `#${v}` })}
      nothingFoundMessage={(searching || suggestTopCustomers) && !found.isFetching ? props.nothingFound : undefined}
      filter={({ options: all }) => all}
      data-testid={props.testId}
    />
  );
}
