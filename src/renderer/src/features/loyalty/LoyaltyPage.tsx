import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';

/** The loyalty area. Sub-paths ("/loyalty/…") are passed in `path`. */
export function LoyaltyPage({ path: _path }: { path: string }) {
  const t = useT();
  return <PageHeader title={t('area.loyalty.title')} />;
}
