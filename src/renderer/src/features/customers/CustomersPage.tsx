import { Loader, Tabs } from '@mantine/core';
import { IconCopy, IconChartPie, IconUsers } from '@tabler/icons-react';
import { navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { NotFoundPage } from '../areas/NotFoundPage';
import { useRecomputeStartedAt } from './api';
import { DuplicatesTab } from './duplicates/DuplicatesTab';
import { CustomerList } from './list/CustomerList';
import { CustomerProfilePage } from './profile/CustomerProfilePage';
import { parseCustomersPath, pathForTab, type CustomersTab } from './routes';
import { SegmentsTab } from './segments/SegmentsTab';

/**
 * The customers area. Sub-paths ("/customers/…") are passed in `path`: the
 * address decides the tab (so Back and reload keep it), "/customers/42" is a
 * profile.
 */
export function CustomersPage({ path }: { path: string }) {
  const t = useT();
  const view = parseCustomersPath(path);
  // Seen from every tab: a recompute started on Segments goes on while the merchant works elsewhere.
  const recomputing = useRecomputeStartedAt() !== null;
  if (view.kind === 'notFound') return <NotFoundPage />;
  if (view.kind === 'profile') return <CustomerProfilePage key={view.customerId} customerId={view.customerId} />;

  const tab: CustomersTab = view.kind;
  return (
    <>
      <PageHeader title={t('area.customers.title')} description={t('customers.description')} />
      <Tabs
        value={tab}
        onChange={(next) => next && navigate(pathForTab(next as CustomersTab))}
        keepMounted={false}
        mb="md"
      >
        <Tabs.List aria-label={t('customers.tabs.label')}>
          <Tabs.Tab value="list" leftSection={<IconUsers size={16} />} data-testid="customers-tab-list">
            {t('customers.tabs.list')}
          </Tabs.Tab>
          <Tabs.Tab
            value="segments"
            leftSection={<IconChartPie size={16} />}
            rightSection={recomputing ? <Loader size={12} aria-label={t('customers.segments.recomputing')} data-testid="segments-tab-busy" /> : null}
            data-testid="customers-tab-segments"
          >
            {t('customers.tabs.segments')}
          </Tabs.Tab>
          <Tabs.Tab value="duplicates" leftSection={<IconCopy size={16} />} data-testid="customers-tab-duplicates">
            {t('customers.tabs.duplicates')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <CustomerList />
        </Tabs.Panel>
        <Tabs.Panel value="segments" pt="md">
          <SegmentsTab />
        </Tabs.Panel>
        <Tabs.Panel value="duplicates" pt="md">
          <DuplicatesTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
