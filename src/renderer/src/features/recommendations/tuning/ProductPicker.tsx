import { MultiSelect, Select, type ComboboxItem } from '@mantine/core';
import { useState } from 'react';
import { useT, type Translate } from '../../../i18n';
import { useKnownProducts, productTitle, type KnownProduct } from '../knownProducts';

const PRODUCT_NUMBER = /^#?(\d{1,9})$/;

/** The known products as options, plus "Product #123" when the search is a product number. */
function productOptions(t: Translate, products: readonly KnownProduct[], search: string, chosen: readonly number[]): ComboboxItem[] {
  const options = products.map((p) => ({ value: String(p.productId), label: p.title }));
  const ids = new Set(products.map((p) => p.productId));
  const extra = [...chosen];
  const typed = PRODUCT_NUMBER.exec(search.trim());
  if (typed) extra.push(Number(typed[1]));
  for (const id of extra) {
    if (id > 0 && !ids.has(id)) {
      ids.add(id);
      options.push({ value: String(id), label: productTitle(id) ?? t('recs.product.byNumber', { id }) });
    }
  }
  return options;
}

interface PickerProps {
  label: string;
  value: number | null;
  onChange: (productId: number | null) => void;
  testId: string;
  error?: string;
  placeholder?: string;
}

export function ProductPicker({ label, value, onChange, testId, error, placeholder }: PickerProps) {
  const t = useT();
  const products = useKnownProducts();
  const [search, setSearch] = useState('');
  return (
    <Select
      label={label}
      placeholder={placeholder ?? t('recs.product.placeholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={productOptions(t, products, search, value === null ? [] : [value])}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v === null ? null : Number(v))}
      nothingFoundMessage={t('recs.product.nothingFound')}
      limit={50}
      error={error}
      data-testid={testId}
    />
  );
}

export function ProductMultiPicker({
  label, value, onChange, testId, description,
}: { label: string; value: number[]; onChange: (ids: number[]) => void; testId: string; description?: string }) {
  const t = useT();
  const products = useKnownProducts();
  const [search, setSearch] = useState('');
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? undefined : t('recs.product.placeholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={productOptions(t, products, search, value)}
      value={value.map(String)}
      onChange={(values) => onChange(values.map(Number))}
      nothingFoundMessage={t('recs.product.nothingFound')}
      limit={50}
      data-testid={testId}
    />
  );
}
