import { Button, EmptyState, Text } from '@mantine/core';
import { useSessionStorage } from '@mantine/hooks';
import { IconPackageOff } from '@tabler/icons-react';
import { navigate } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { logisticsTabPath, shipmentPath } from '../routes';
import { usePagedRows } from '../usePagedRows';
import { ShipmentDrawer } from './ShipmentDrawer';
import { ShipmentFilters, type ShipmentsQuery } from './ShipmentFilters';
import { ShipmentsTable } from './ShipmentsTable';

const PAGE_SIZE = 100;
const DEFAULT_QUERY: ShipmentsQuery = { sort: 'shipped_desc' };

/** Every shipment, filtered and searched; "/logistics/shipments/<id>" opens one in the drawer. */
export function ShipmentsTab({ openId }: { openId: number | null }) {
  const { t, format } = useI18n();
  const [query, setQuery] = useSessionStorage<ShipmentsQuery>({ key: 'backroom.logistics.shipments', defaultValue: DEFAULT_QUERY });
  const pages = usePagedRows('shipments.list', { ...query, limit: PAGE_SIZE });
  const filtered = Object.keys(query).some((key) => key !== 'sort');
  const total = pages.stale ? undefined : pages.totalEstimate;
  return (
    <>
      <ShipmentFilters query={query} onChange={setQuery} />
      <Text size="sm" c="dimmed" mb="xs" data-testid="shipments-count" data-count={total ?? ''}>
        {total === undefined ? '\u00a0' : t('logistics.shipments.count', { count: format.number(total) })}
      </Text>
      {pages.isError ? (
        <QueryError error={pages.error} onRetry={pages.refetch} />
      ) : (
        <ShipmentsTable
          pages={pages}
          openId={openId}
          onOpen={(row) => navigate(shipmentPath(row.id))}
          empty={
            <EmptyState
              icon={<IconPackageOff size={28} />}
              variant="light"
              title={t(filtered ? 'logistics.shipments.noMatchTitle' : 'logistics.shipments.emptyTitle')}
              description={t(filtered ? 'logistics.shipments.noMatchBody' : 'logistics.shipments.emptyBody')}
              data-testid="shipments-empty"
            >
              {filtered && (
                <EmptyState.Actions>
                  <Button variant="light" onClick={() => setQuery(DEFAULT_QUERY)}>{t('logistics.shipments.clearFilters')}</Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          }
        />
      )}
      <ShipmentDrawer shipmentId={openId} onClose={() => navigate(logisticsTabPath('shipments'))} />
    </>
  );
}
