import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';

/** SCAFFOLD (issue 4): the returns area; sub-paths ("/returns/…") arrive in `path`. */
export function ReturnsPage({ path }: { path: string }) {
  const t = useT();
  return <PageHeader title={t('area.returns.title')} description={path} />;
}
