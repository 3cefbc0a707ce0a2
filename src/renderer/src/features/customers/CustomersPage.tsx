import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';

/** The customers area. Sub-paths ("/customers/…") are passed in `path`. */
export function CustomersPage({ path: _path }: { path: string }) {
  const t = useT();
  return <PageHeader title={t('area.customers.title')} />;
}
