import { Button, Tabs } from '@mantine/core';
import { IconChartBar, IconList, IconPlus, IconSettings } from '@tabler/icons-react';
import { hrefFor, navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { useT, type MessageKey } from '../../i18n';
import { NotFoundPage } from '../areas/NotFoundPage';
import { NewReturnPage } from './create/NewReturnPage';
import { ReturnDetailPage } from './detail/ReturnDetailPage';
import { ReturnsList } from './list/ReturnsList';
import { PolicyEditor } from './policy/PolicyEditor';
import { ReturnsReportView } from './report/ReturnsReportView';
import { RETURNS_TABS, returnsRoute, tabPath, type ReturnsTab } from './routes';

const TAB_LABELS: Record<ReturnsTab, MessageKey> = {
  list: 'returns.tab.list',
  report: 'returns.tab.report',
  policy: 'returns.tab.policy',
};
const TAB_ICONS = { list: IconList, report: IconChartBar, policy: IconSettings };

/** The returns area. Sub-paths ("/returns/…") arrive in `path`: the list, report and policy tabs, a return, a new one. */
export function ReturnsPage({ path }: { path: string }) {
  const t = useT();
  const route = returnsRoute(path);
  if (route.kind === 'unknown') return <NotFoundPage />;
  if (route.kind === 'detail') return <ReturnDetailPage id={route.id} />;
  if (route.kind === 'new') return <NewReturnPage orderId={route.orderId} />;
  return (
    <>
      <PageHeader
        title={t('area.returns.title')}
        description={t('returns.description')}
        actions={
          <Button component="a" href={hrefFor('/returns/new')} leftSection={<IconPlus size={16} />} data-testid="returns-new">
            {t('returns.new')}
          </Button>
        }
      />
      <Tabs value={route.kind} onChange={(tab) => tab && navigate(tabPath(tab as ReturnsTab))} keepMounted={false}>
        <Tabs.List mb="lg" aria-label={t('area.returns.title')}>
          {RETURNS_TABS.map((tab) => {
            const TabIcon = TAB_ICONS[tab];
            return (
              <Tabs.Tab key={tab} value={tab} leftSection={<TabIcon size={16} />} data-testid={`returns-tab-${tab}`}>
                {t(TAB_LABELS[tab])}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="list">
          <ReturnsList />
        </Tabs.Panel>
        <Tabs.Panel value="report">
          <ReturnsReportView />
        </Tabs.Panel>
        <Tabs.Panel value="policy">
          <PolicyEditor />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
