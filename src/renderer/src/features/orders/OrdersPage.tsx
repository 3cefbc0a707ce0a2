import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';

/** The orders area. Sub-paths ("/orders/…") are passed in `path`. */
export function OrdersPage({ path: _path }: { path: string }) {
  const t = useT();
  return <PageHeader title={t('area.orders.title')} />;
}
