import { Skeleton } from '@mantine/core';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useT } from '../../../i18n';
import { useCampaign } from '../api';
import { CampaignEditor } from './CampaignEditor';
import { campaignToForm, emptyCampaign } from './campaignForm';

/** "New campaign" (id null) or the edit page of a draft. */
export function CampaignEditorPage({ id }: { id: number | null }) {
  const t = useT();
  const campaign = useCampaign(id);
  const title = t(id === null ? 'campaigns.editor.newTitle' : 'campaigns.editor.editTitle');
  if (id === null) {
    return (
      <>
        <PageHeader title={title} description={t('campaigns.editor.description')} />
        <CampaignEditor initial={emptyCampaign()} editing={null} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} description={campaign.data?.name ?? t('campaigns.editor.description')} />
      {campaign.isPending ? (
        <Skeleton height={480} radius="md" />
      ) : campaign.isError ? (
        <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />
      ) : (
        <CampaignEditor
          key={`${campaign.data.id}-${campaign.data.version}`}
          initial={campaignToForm(campaign.data)}
          editing={{ id: campaign.data.id, version: campaign.data.version, status: campaign.data.status }}
        />
      )}
    </>
  );
}
