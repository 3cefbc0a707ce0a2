import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlayerStop, IconRefresh, IconWifi, IconWifiOff } from '@tabler/icons-react';
import type { SyncStoreStatus } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { useCancelSync, useRunSync } from '../api';
import { platformLabel } from '../labels';
import { useSyncSentences } from '../messages';
import { syncTabPath } from '../routes';
import type { LiveProgress } from '../useLiveProgress';
import { BudgetMeter } from './BudgetMeter';
import { DisconnectButton } from './DisconnectButton';
import { ProgressPanel } from './ProgressPanel';
import { ResourceTable } from './ResourceTable';
import { RunSummary } from './RunSummary';

/** One connected store: where it stands, what runs now, and the buttons to run or stop a sync. */
export function StoreCard({ status, progress }: { status: SyncStoreStatus; progress: LiveProgress | null }) {
  const { t, format } = useI18n();
  const sentences = useSyncSentences();
  const runSync = useRunSync();
  const cancelSync = useCancelSync();
  const { store, running, outbox } = status;
  const isRunning = running !== null || progress !== null;

  const start = () =>
    runSync.mutate({ storeId: store.id }, {
      onError: (error) => notifications.show({ color: 'red', title: t('sync.run.failed'), message: sentences.error(error) }),
    });
  const stop = () =>
    cancelSync.mutate({ storeId: store.id }, {
      onError: (error) => notifications.show({ color: 'red', title: t('sync.stop.failed'), message: sentences.error(error) }),
    });

  return (
    <Paper withBorder p="lg" radius="md" data-testid="sync-store-card" data-store-id={store.id} data-running={isRunning}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={2} fz="lg">{store.name}</Title>
              <Badge variant="light">{platformLabel(t, store.platform)}</Badge>
              <OnlineBadge online={status.online} />
            </Group>
            {store.shopUrl && <Text size="sm" c="dimmed" data-testid="sync-store-url">{store.shopUrl}</Text>}
          </Stack>
          <Group gap="xs">
            <Button leftSection={<IconRefresh size={16} />} onClick={start} loading={runSync.isPending} disabled={isRunning} data-testid="sync-now">
              {t('sync.run.now')}
            </Button>
            <Button leftSection={<IconPlayerStop size={16} />} variant="default" onClick={stop} loading={cancelSync.isPending} disabled={!isRunning} data-testid="sync-stop">
              {t('sync.run.stop')}
            </Button>
            <DisconnectButton store={store} />
          </Group>
        </Group>
        {store.secretStore === 'file' && (
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('sync.secret.fileTitle')} data-testid="sync-secret-file">
            {t('sync.secret.fileBody')}
          </Alert>
        )}
        {isRunning && <ProgressPanel progress={progress} running={running} />}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <RunSummary status={status} />
          <Stack gap={6} data-testid="sync-outbox-summary">
            <Text size="sm" fw={600}>{t('sync.outbox.title')}</Text>
            <Text size="sm">{t('sync.outbox.pending', { count: format.number(outbox.pending) })}</Text>
            <Text size="sm" c={outbox.failed > 0 ? 'red' : undefined}>{t('sync.outbox.failed', { count: format.number(outbox.failed) })}</Text>
            {outbox.pending + outbox.failed > 0 && <Anchor size="sm" href={hrefFor(syncTabPath('outbox'))}>{t('sync.outbox.open')}</Anchor>}
          </Stack>
          {status.budget ? <BudgetMeter budget={status.budget} /> : (
            <Stack gap={6}>
              <Text size="sm" fw={600}>{t('sync.budget.title')}</Text>
              <Text size="sm" c="dimmed">{t('sync.budget.none')}</Text>
            </Stack>
          )}
        </SimpleGrid>
        <ResourceTable status={status} />
        {store.platform === 'shopify' && store.resources.includes('orders') && (
          <Text size="xs" c="dimmed" data-testid="sync-read-all-orders">{t('sync.shopify.readAllOrders')}</Text>
        )}
      </Stack>
    </Paper>
  );
}

function OnlineBadge({ online }: { online: boolean | null }) {
  const { t } = useI18n();
  if (online === null) return <Badge color="gray" variant="outline" data-testid="sync-online" data-online="unknown">{t('sync.online.unknown')}</Badge>;
  return online
    ? <Badge color="teal" variant="light" leftSection={<IconWifi size={12} />} data-testid="sync-online" data-online="yes">{t('sync.online.yes')}</Badge>
    : <Badge color="orange" variant="light" leftSection={<IconWifiOff size={12} />} data-testid="sync-online" data-online="no">{t('sync.online.no')}</Badge>;
}
