import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';

/** SCAFFOLD (issue 4): the service area; sub-paths ("/service/…") arrive in `path`. */
export function ServicePage({ path }: { path: string }) {
  const t = useT();
  return <PageHeader title={t('area.service.title')} description={path} />;
}
