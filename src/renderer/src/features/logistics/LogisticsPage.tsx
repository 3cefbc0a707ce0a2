import { Tabs } from '@mantine/core';
import { IconAlertTriangle, IconChartBar, IconPackages, IconRadar } from '@tabler/icons-react';
import { navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { useT, type MessageKey } from '../../i18n';
import { NotFoundPage } from '../areas/NotFoundPage';
import { LogisticsDashboard } from './dashboard/LogisticsDashboard';
import { ExceptionsTab } from './exceptions/ExceptionsTab';
import { LOGISTICS_TABS, logisticsTabPath, parseLogisticsPath, type LogisticsTab } from './routes';
import { ShipmentsTab } from './shipments/ShipmentsTab';
import { TrackingSettings } from './tracking/TrackingSettings';

const TAB_LABELS: Record<LogisticsTab, MessageKey> = {
  dashboard: 'logistics.tab.dashboard',
  shipments: 'logistics.tab.shipments',
  exceptions: 'logistics.tab.exceptions',
  tracking: 'logistics.tab.tracking',
};
const TAB_ICONS = { dashboard: IconChartBar, shipments: IconPackages, exceptions: IconAlertTriangle, tracking: IconRadar };

/** The logistics area; the URL ("/logistics", "/logistics/shipments/42", …) decides what shows. */
export function LogisticsPage({ path }: { path: string }) {
  const t = useT();
  const route = parseLogisticsPath(path);
  if (route.kind === 'notFound') return <NotFoundPage />;
  return (
    <>
      <PageHeader title={t('area.logistics.title')} description={t('logistics.description')} />
      <Tabs
        value={route.tab}
        onChange={(next) => next && navigate(logisticsTabPath(next as LogisticsTab))}
        keepMounted={false}
        data-testid="logistics-tabs"
      >
        <Tabs.List mb="md" aria-label={t('area.logistics.title')}>
          {LOGISTICS_TABS.map((value) => {
            const TabIcon = TAB_ICONS[value];
            return (
              <Tabs.Tab key={value} value={value} leftSection={<TabIcon size={16} />} data-testid={`logistics-tab-${value}`}>
                {t(TAB_LABELS[value])}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="dashboard"><LogisticsDashboard /></Tabs.Panel>
        <Tabs.Panel value="shipments"><ShipmentsTab openId={route.shipmentId} /></Tabs.Panel>
        <Tabs.Panel value="exceptions"><ExceptionsTab /></Tabs.Panel>
        <Tabs.Panel value="tracking"><TrackingSettings /></Tabs.Panel>
      </Tabs>
    </>
  );
}
