import { Button, Tabs } from '@mantine/core';
import { IconFileImport, IconListDetails, IconPlugConnected, IconRefresh, IconSend } from '@tabler/icons-react';
import { hrefFor, navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { useT, type MessageKey } from '../../i18n';
import { NotFoundPage } from '../areas/NotFoundPage';
import { useSyncStatus } from './api';
import { ConnectPage } from './connect/ConnectPage';
import { ImportWizard } from './import/ImportWizard';
import { RunLog } from './log/RunLog';
import { OutboxPage } from './outbox/OutboxPage';
import { SyncOverview } from './overview/SyncOverview';
import { CONNECT_PATH, parseSyncPath, SYNC_TABS, syncTabPath, type SyncTab } from './routes';
import { useLiveProgress } from './useLiveProgress';

const TAB_LABELS: Record<SyncTab, MessageKey> = {
  overview: 'sync.tab.overview',
  log: 'sync.tab.log',
  outbox: 'sync.tab.outbox',
  import: 'sync.tab.import',
};
const TAB_ICONS = { overview: IconRefresh, log: IconListDetails, outbox: IconSend, import: IconFileImport };

/** The sync area; the URL ("/sync", "/sync/connect", "/sync/log", …) decides what shows. */
export function SyncPage({ path }: { path: string }) {
  const t = useT();
  const route = parseSyncPath(path);
  const status = useSyncStatus();
  // Subscribed here, not in a tab, so progress survives switching tabs.
  const progress = useLiveProgress();

  if (route.kind === 'notFound') return <NotFoundPage />;
  if (route.kind === 'connect') return <ConnectPage />;
  const tab = route.tab;
  return (
    <>
      <PageHeader
        title={t('area.sync.title')}
        description={t('sync.description')}
        actions={
          <Button component="a" href={hrefFor(CONNECT_PATH)} leftSection={<IconPlugConnected size={16} />} variant="light" data-testid="sync-connect-open">
            {t('sync.connect.open')}
          </Button>
        }
      />
      <Tabs value={tab} onChange={(next) => next && navigate(syncTabPath(next as SyncTab))} keepMounted={false} data-testid="sync-tabs">
        <Tabs.List mb="md" aria-label={t('area.sync.title')}>
          {SYNC_TABS.map((value) => {
            const TabIcon = TAB_ICONS[value];
            return (
              <Tabs.Tab key={value} value={value} leftSection={<TabIcon size={16} />} data-testid={`sync-tab-${value}`}>
                {t(TAB_LABELS[value])}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="overview"><SyncOverview status={status} progress={progress} /></Tabs.Panel>
        <Tabs.Panel value="log"><RunLog /></Tabs.Panel>
        <Tabs.Panel value="outbox"><OutboxPage /></Tabs.Panel>
        <Tabs.Panel value="import"><ImportWizard /></Tabs.Panel>
      </Tabs>
    </>
  );
}
