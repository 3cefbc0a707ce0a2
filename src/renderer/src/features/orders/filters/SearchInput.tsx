import { SearchBox } from '../../../components/SearchBox';
import { useT } from '../../../i18n';

/** The orders workspace's search: number, name, email or phone. */
export function SearchInput({ value, onChange }: { value: string | undefined; onChange: (search: string) => void }) {
  const t = useT();
  return (
    <SearchBox
      value={value}
      onChange={onChange}
      label={t('orders.filter.search')}
      placeholder={t('orders.filter.searchPlaceholder')}
      clearLabel={t('orders.filter.clear')}
      testId="orders-search"
      maw={420}
    />
  );
}
