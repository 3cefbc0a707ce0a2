import { Anchor, Tabs } from '@mantine/core';
import { IconArrowLeft, IconBook2, IconChartBar, IconClockHour4, IconMessage2Bolt, IconUsersGroup } from '@tabler/icons-react';
import { hrefFor, navigate } from '../../../app/router';
import { PageHeader } from '../../../components/PageHeader';
import { useT, type MessageKey } from '../../../i18n';
import { NotFoundPage } from '../../areas/NotFoundPage';
import { KbTab } from './kb/KbTab';
import { MacrosTab } from './macros/MacrosTab';
import { ReportsTab } from './reports/ReportsTab';
import { ADMIN_TABS, adminTabOf, adminTabPath, type AdminTab } from './routes';
import { SlaPolicyEditor } from './sla/SlaPolicyEditor';
import { StaffTab } from './staff/StaffTab';

const TAB_LABELS: Record<AdminTab, MessageKey> = {
  sla: 'service.admin.tab.sla',
  macros: 'service.admin.tab.macros',
  kb: 'service.admin.tab.kb',
  staff: 'service.admin.tab.staff',
  reports: 'service.admin.tab.reports',
};
const TAB_ICONS = { sla: IconClockHour4, macros: IconMessage2Bolt, kb: IconBook2, staff: IconUsersGroup, reports: IconChartBar };

/** The service desk's settings and reports; the address ('/service/admin/<tab>') decides the tab shown. */
export function ServiceAdminPage({ path }: { path: string }) {
  const t = useT();
  const tab = adminTabOf(path);
  if (!tab) return <NotFoundPage />;
  return (
    <>
      <PageHeader
        title={t('service.admin.title')}
        description={
          <Anchor href={hrefFor('/service')} size="sm" data-testid="service-admin-back">
            <IconArrowLeft size={14} style={{ verticalAlign: 'middle', marginInlineEnd: 4 }} />
            {t('service.admin.back')}
          </Anchor>
        }
      />
      <Tabs value={tab} onChange={(next) => next && navigate(adminTabPath(next as AdminTab))} keepMounted={false} data-testid="service-admin-tabs">
        <Tabs.List mb="lg" aria-label={t('service.admin.title')}>
          {ADMIN_TABS.map((id) => {
            const TabIcon = TAB_ICONS[id];
            return (
              <Tabs.Tab key={id} value={id} leftSection={<TabIcon size={16} />} data-testid={`service-admin-tab-${id}`}>
                {t(TAB_LABELS[id])}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {/* Kept mounted: a look at another tab must not throw away unsaved policy edits. */}
        <Tabs.Panel value="sla" keepMounted>
          <SlaPolicyEditor />
        </Tabs.Panel>
        <Tabs.Panel value="macros">
          <MacrosTab />
        </Tabs.Panel>
        <Tabs.Panel value="kb">
          <KbTab />
        </Tabs.Panel>
        <Tabs.Panel value="staff">
          <StaffTab />
        </Tabs.Panel>
        <Tabs.Panel value="reports">
          <ReportsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
