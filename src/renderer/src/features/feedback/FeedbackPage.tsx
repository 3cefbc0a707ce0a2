import { Tabs } from '@mantine/core';
import { IconChartLine, IconFileImport, IconInbox, IconTags } from '@tabler/icons-react';
import { navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { useT, type MessageKey } from '../../i18n';
import { NotFoundPage } from '../areas/NotFoundPage';
import { ImportPage } from './import/ImportPage';
import { FeedbackInbox } from './inbox/FeedbackInbox';
import { FEEDBACK_TABS, feedbackTab, feedbackTabPath, type FeedbackTab } from './routes';
import { TopicRulesEditor } from './topics/TopicRulesEditor';
import { TrendsPage } from './trends/TrendsPage';

const TAB_LABELS: Record<FeedbackTab, MessageKey> = {
  inbox: 'feedback.tab.inbox',
  import: 'feedback.tab.import',
  topics: 'feedback.tab.topics',
  trends: 'feedback.tab.trends',
};
const TAB_ICONS = { inbox: IconInbox, import: IconFileImport, topics: IconTags, trends: IconChartLine };

/** The feedback area; the URL ("/feedback", "/feedback/import", …) decides the tab. */
export function FeedbackPage({ path }: { path: string }) {
  const t = useT();
  const tab = feedbackTab(path);
  if (tab === null) return <NotFoundPage />;
  return (
    <>
      <PageHeader title={t('area.feedback.title')} description={t('feedback.description')} />
      <Tabs value={tab} onChange={(next) => next && navigate(feedbackTabPath(next as FeedbackTab))} keepMounted={false} data-testid="feedback-tabs">
        <Tabs.List mb="md" aria-label={t('area.feedback.title')}>
          {FEEDBACK_TABS.map((value) => {
            const TabIcon = TAB_ICONS[value];
            return (
              <Tabs.Tab key={value} value={value} leftSection={<TabIcon size={16} />} data-testid={`feedback-tab-${value}`}>
                {t(TAB_LABELS[value])}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="inbox"><FeedbackInbox /></Tabs.Panel>
        <Tabs.Panel value="import"><ImportPage /></Tabs.Panel>
        <Tabs.Panel value="topics"><TopicRulesEditor /></Tabs.Panel>
        <Tabs.Panel value="trends"><TrendsPage /></Tabs.Panel>
      </Tabs>
    </>
  );
}
