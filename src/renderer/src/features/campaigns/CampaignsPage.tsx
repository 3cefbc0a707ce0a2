import { Button, Tabs } from '@mantine/core';
import { IconCalendarEvent, IconListDetails, IconPlus } from '@tabler/icons-react';
import { navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { NotFoundPage } from '../areas/NotFoundPage';
import { CalendarTab } from './calendar/CalendarTab';
import { CampaignDetailPage } from './detail/CampaignDetailPage';
import { CampaignEditorPage } from './editor/CampaignEditorPage';
import { CampaignsList } from './list/CampaignsList';
import { campaignsPath, parseCampaignsPath } from './routes';

/** The campaigns area: the URL decides between the list, the calendar, the editor and one campaign. */
export function CampaignsPage({ path }: { path: string }) {
  const t = useT();
  const route = parseCampaignsPath(path);
  if (route === null) return <NotFoundPage />;
  if (route.view === 'new') return <CampaignEditorPage id={null} />;
  if (route.view === 'edit') return <CampaignEditorPage id={route.id} />;
  if (route.view === 'detail') return <CampaignDetailPage id={route.id} tab={route.tab} />;
  return (
    <>
      <PageHeader
        title={t('area.campaigns.title')}
        description={t('campaigns.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => navigate(campaignsPath({ view: 'new' }))} data-testid="campaign-new">
            {t('campaigns.new')}
          </Button>
        }
      />
      <Tabs value={route.view} onChange={(next) => next && navigate(campaignsPath({ view: next as 'list' | 'calendar' }))} keepMounted={false}>
        <Tabs.List mb="md" aria-label={t('area.campaigns.title')}>
          <Tabs.Tab value="list" leftSection={<IconListDetails size={16} />} data-testid="campaigns-tab-list">
            {t('campaigns.tab.list')}
          </Tabs.Tab>
          <Tabs.Tab value="calendar" leftSection={<IconCalendarEvent size={16} />} data-testid="campaigns-tab-calendar">
            {t('campaigns.tab.calendar')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list"><CampaignsList /></Tabs.Panel>
        <Tabs.Panel value="calendar"><CalendarTab /></Tabs.Panel>
      </Tabs>
    </>
  );
}
