import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';

/** SCAFFOLD (issue 4): the feedback area; sub-paths ("/feedback/…") arrive in `path`. */
export function FeedbackPage({ path }: { path: string }) {
  const t = useT();
  return <PageHeader title={t('area.feedback.title')} description={path} />;
}
