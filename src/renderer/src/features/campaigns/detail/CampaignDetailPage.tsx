import { Anchor, Button, Group, Skeleton, Stack, Tabs } from '@mantine/core';
import { IconChartLine, IconDice5, IconEdit, IconFileExport } from '@tabler/icons-react';
import type { CampaignDetail } from '../../../../../shared/contract';
import { hrefFor, navigate } from '../../../app/router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useI18n, type MessageKey } from '../../../i18n';
import { useCampaign } from '../api';
import { DrawsTab } from '../draws/DrawsTab';
import { ReportTab } from '../report/ReportTab';
import { campaignsPath, DETAIL_TABS, type DetailTab } from '../routes';
import { CancelCampaignButton } from './CancelCampaignButton';
import { CampaignSummaryCard } from './CampaignSummaryCard';
import { ExportsTab } from './ExportsTab';
import { LaunchButton } from './LaunchButton';

const TAB_LABEL: Record<DetailTab, MessageKey> = { report: 'campaigns.tab.report', draws: 'campaigns.tab.draws', exports: 'campaigns.tab.exports' };
const TAB_ICON = { report: IconChartLine, draws: IconDice5, exports: IconFileExport };

/** One campaign: what it is and what it delivered, launch and cancel, and its report, draws and exports. */
export function CampaignDetailPage({ id, tab }: { id: number; tab: DetailTab }) {
  const { t } = useI18n();
  const campaign = useCampaign(id);
  const back = <Anchor href={hrefFor(campaignsPath({ view: 'list' }))} size="sm">{t('campaigns.backToList')}</Anchor>;
  if (campaign.isPending) return <Skeleton height={480} radius="md" />;
  if (campaign.isError) {
    return (
      <>
        <PageHeader title={t('area.campaigns.title')} description={back} />
        <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />
      </>
    );
  }
  const c = campaign.data;
  return (
    <>
      <PageHeader title={c.name} description={back} actions={<Actions campaign={c} />} />
      <Stack gap="lg">
        <CampaignSummaryCard campaign={c} />
        <Tabs value={tab} onChange={(next) => next && navigate(campaignsPath({ view: 'detail', id, tab: next as DetailTab }))} keepMounted={false}>
          <Tabs.List mb="md" aria-label={c.name}>
            {DETAIL_TABS.map((value) => {
              const TabIcon = TAB_ICON[value];
              return (
                <Tabs.Tab key={value} value={value} leftSection={<TabIcon size={16} />} data-testid={`campaign-tab-${value}`}>
                  {t(TAB_LABEL[value])}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          <Tabs.Panel value="report"><ReportTab campaign={c} /></Tabs.Panel>
          <Tabs.Panel value="draws"><DrawsTab campaign={c} /></Tabs.Panel>
          <Tabs.Panel value="exports"><ExportsTab campaign={c} /></Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}

function Actions({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useI18n();
  const open = campaign.status === 'draft' || campaign.status === 'scheduled' || campaign.status === 'running';
  return (
    <Group gap="xs">
      {campaign.status === 'draft' && (
        <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => navigate(campaignsPath({ view: 'edit', id: campaign.id }))} data-testid="campaign-edit">
          {t('campaigns.detail.edit')}
        </Button>
      )}
      {open && <CancelCampaignButton campaign={campaign} />}
      {/* Always mounted: the dialog must outlive the draft status it launches away from, to show the result. */}
      <LaunchButton campaign={campaign} />
    </Group>
  );
}
