import { Button, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { CONNECTABLE_PLATFORMS, type SyncStoreStatus } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useT } from '../../../i18n';
import { CONNECT_PATH } from '../routes';
import type { LiveProgress } from '../useLiveProgress';
import { StoreCard } from './StoreCard';

const connectable = (platform: string) => (CONNECTABLE_PLATFORMS as readonly string[]).includes(platform);

/** '/sync': one card per connected marketplace store, or the way to connect the first one. */
export function SyncOverview({ status, progress }: { status: UseQueryResult<SyncStoreStatus[]>; progress: Map<number, LiveProgress> }) {
  const t = useT();
  if (status.isPending) return <Loader aria-label={t('sync.loading')} />;
  if (status.isError) return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  // Demo and CSV stores have nothing to sync, and a disconnected store's data stays but it no
  // longer syncs (connecting the same shop again brings it back): neither is shown here.
  const stores = status.data.filter((s) => connectable(s.store.platform) && s.store.connectedAt !== null);
  if (stores.length === 0) return <ConnectFirstStore />;
  return (
    <Stack gap="lg" data-testid="sync-stores">
      {stores.map((s) => <StoreCard key={s.store.id} status={s} progress={progress.get(s.store.id) ?? null} />)}
    </Stack>
  );
}

function ConnectFirstStore() {
  const t = useT();
  return (
    <Paper withBorder p="xl" radius="md" data-testid="sync-empty" maw={720}>
      <Stack align="flex-start" gap="sm">
        <ThemeIcon size={44} radius="md" variant="light"><IconPlugConnected size={26} /></ThemeIcon>
        <Title order={2} fz="lg">{t('sync.empty.title')}</Title>
        <Text c="dimmed">{t('sync.empty.body')}</Text>
        <Button component="a" href={hrefFor(CONNECT_PATH)} leftSection={<IconPlugConnected size={16} />} data-testid="sync-empty-connect">
          {t('sync.empty.action')}
        </Button>
      </Stack>
    </Paper>
  );
}
