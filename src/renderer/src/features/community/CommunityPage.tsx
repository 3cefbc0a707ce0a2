import { Tabs } from '@mantine/core';
import { IconMessageCircle, IconSpeakerphone, IconTrophy, IconUsersGroup } from '@tabler/icons-react';
import { navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { useT, type MessageKey } from '../../i18n';
import { NotFoundPage } from '../areas/NotFoundPage';
import { AnnouncementsTab } from './announcements/AnnouncementsTab';
import { GroupDetail } from './groups/GroupDetail';
import { GroupsTab } from './groups/GroupsTab';
import { LeaderboardsTab } from './leaderboards/LeaderboardsTab';
import { COMMUNITY_TABS, communityTabPath, parseCommunityPath, type CommunityTab } from './routes';
import { TemplatesTab } from './templates/TemplatesTab';

const TAB_LABELS: Record<CommunityTab, MessageKey> = {
  groups: 'community.tab.groups',
  leaderboards: 'community.tab.leaderboards',
  announcements: 'community.tab.announcements',
  templates: 'community.tab.templates',
};
const TAB_ICONS = { groups: IconUsersGroup, leaderboards: IconTrophy, announcements: IconSpeakerphone, templates: IconMessageCircle };

/** The community area; the URL ("/community", "/community/groups/4", …) decides what shows. */
export function CommunityPage({ path }: { path: string }) {
  const t = useT();
  const route = parseCommunityPath(path);
  if (route.kind === 'notFound') return <NotFoundPage />;
  return (
    <>
      <PageHeader title={t('area.community.title')} description={t('community.description')} />
      <Tabs
        value={route.tab}
        onChange={(next) => next && navigate(communityTabPath(next as CommunityTab))}
        keepMounted={false}
        data-testid="community-tabs"
      >
        <Tabs.List mb="md" aria-label={t('area.community.title')}>
          {COMMUNITY_TABS.map((value) => {
            const TabIcon = TAB_ICONS[value];
            return (
              <Tabs.Tab key={value} value={value} leftSection={<TabIcon size={16} />} data-testid={`community-tab-${value}`}>
                {t(TAB_LABELS[value])}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="groups">
          {route.groupId === null ? <GroupsTab /> : <GroupDetail key={route.groupId} groupId={route.groupId} />}
        </Tabs.Panel>
        <Tabs.Panel value="leaderboards"><LeaderboardsTab /></Tabs.Panel>
        <Tabs.Panel value="announcements"><AnnouncementsTab /></Tabs.Panel>
        <Tabs.Panel value="templates"><TemplatesTab /></Tabs.Panel>
      </Tabs>
    </>
  );
}
