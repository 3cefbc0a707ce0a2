import { Anchor, Tabs } from '@mantine/core';
import { IconChartBar, IconClockHour4, IconGift, IconSettings } from '@tabler/icons-react';
import { hrefFor, navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { useT, type MessageKey } from '../../i18n';
import { NotFoundPage } from '../areas/NotFoundPage';
import { CustomerPointsPanel } from './CustomerPointsPanel';
import { ExpiringSoon } from './expiring/ExpiringSoon';
import { LiabilityOverview } from './overview/LiabilityOverview';
import { ProgramEditor } from './program/ProgramEditor';
import { RewardsCatalog } from './rewards/RewardsCatalog';
import { useCustomerName } from './api';
import { LOYALTY_TABS, loyaltyRoute, tabPath, type LoyaltyTab } from './routes';

const TAB_LABELS: Record<LoyaltyTab, MessageKey> = {
  overview: 'loyalty.tab.overview',
  program: 'loyalty.tab.program',
  rewards: 'loyalty.tab.rewards',
  expiring: 'loyalty.tab.expiring',
};
const TAB_ICONS = { overview: IconChartBar, program: IconSettings, rewards: IconGift, expiring: IconClockHour4 };

/** The loyalty area. Sub-paths ("/loyalty/…") are passed in `path`; the URL decides the tab. */
export function LoyaltyPage({ path }: { path: string }) {
  const t = useT();
  const route = loyaltyRoute(path);
  if (route.kind === 'unknown') return <NotFoundPage />;
  if (route.kind === 'customer') return <CustomerPointsPage customerId={route.customerId} />;
  return (
    <>
      <PageHeader title={t('area.loyalty.title')} description={t('loyalty.page.description')} />
      <Tabs
        value={route.tab}
        onChange={(tab) => tab && navigate(tabPath(tab as LoyaltyTab))}
        keepMounted={false}
        data-testid="loyalty-tabs"
      >
        <Tabs.List mb="lg" aria-label={t('area.loyalty.title')}>
          {LOYALTY_TABS.map((tab) => {
            const TabIcon = TAB_ICONS[tab];
            return (
              <Tabs.Tab key={tab} value={tab} leftSection={<TabIcon size={16} />} data-testid={`loyalty-tab-${tab}`}>
                {t(TAB_LABELS[tab])}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <LiabilityOverview />
        </Tabs.Panel>
        {/* Kept mounted: a look at another tab must not throw away unsaved program edits. */}
        <Tabs.Panel value="program" keepMounted>
          <ProgramEditor />
        </Tabs.Panel>
        <Tabs.Panel value="rewards">
          <RewardsCatalog />
        </Tabs.Panel>
        <Tabs.Panel value="expiring">
          <ExpiringSoon />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** /loyalty/customer/<id>: the points panel alone, as the customer profile embeds it. */
function CustomerPointsPage({ customerId }: { customerId: number }) {
  const t = useT();
  const name = useCustomerName(customerId).data;
  return (
    <>
      <PageHeader
        title={name ? t('loyalty.customerPage.titleNamed', { name }) : t('loyalty.customerPage.title', { id: customerId })}
        description={
          <Anchor href={hrefFor(`/customers/${customerId}`)} size="sm">
            {t('loyalty.customerPage.openProfile')}
          </Anchor>
        }
      />
      <CustomerPointsPanel customerId={customerId} />
    </>
  );
}
