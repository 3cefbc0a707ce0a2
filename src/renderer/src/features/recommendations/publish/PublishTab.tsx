import { Alert, Anchor, Button, Group, Modal, Paper, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { hrefFor } from '../../../app/router';
import { useActingStaff } from '../../../app/actingStaff';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { usePublish, usePublishPlan, useStores } from '../api';
import { refusalSentence } from '../issues';
import { ChangesTable } from './ChangesTable';
import { ExportCard } from './ExportCard';

/** Stores Backroom can publish lists to; demo and CSV stores stay local. */
const PUBLISHABLE = new Set(['shopify', 'woocommerce']);

/** What publishing would change on a connected store, then publishing it through the outbox; CSV export for any other platform. */
export function PublishTab() {
  const { t } = useI18n();
  const stores = useStores();
  // A disconnected store stays listed (its data stays) but can take nothing from the outbox.
  const connected = (stores.data ?? []).filter((s) => PUBLISHABLE.has(s.platform) && s.connectedAt !== null);
  const [storeId, setStoreId] = useState<number | null>(null);
  useEffect(() => {
    if (storeId === null && connected.length > 0) setStoreId(connected[0]!.id);
  }, [storeId, connected]);

  return (
    <Stack gap="lg">
      {stores.isPending ? (
        <Skeleton height={120} radius="md" />
      ) : stores.isError ? (
        <QueryError error={stores.error} onRetry={() => void stores.refetch()} />
      ) : connected.length === 0 ? (
        <Alert variant="light" title={t('recs.publish.noStoreTitle')} data-testid="recs-publish-no-store">
          <Text size="sm">
            {t('recs.publish.noStore')} <Anchor href={hrefFor('/sync/connect')} size="sm">{t('recs.publish.connect')}</Anchor>
          </Text>
        </Alert>
      ) : (
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="md" fw={600}>{t('recs.publish.title')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('recs.publish.description')}</Text>
          <Select
            label={t('recs.publish.store')}
            data={connected.map((s) => ({ value: String(s.id), label: `${s.name} (${s.platform === 'shopify' ? 'Shopify' : 'WooCommerce'})` }))}
            value={storeId === null ? null : String(storeId)}
            onChange={(v) => setStoreId(v === null ? null : Number(v))}
            allowDeselect={false}
            w={360}
            data-testid="recs-publish-store"
          />
          {storeId !== null && <PublishPlan storeId={storeId} />}
        </Paper>
      )}
      <ExportCard />
    </Stack>
  );
}

function PublishPlan({ storeId }: { storeId: number }) {
  const { t, format } = useI18n();
  const staff = useActingStaff();
  const plan = usePublishPlan(storeId);
  const publish = usePublish();
  const [confirming, setConfirming] = useState(false);
  if (plan.isPending) return <Skeleton height={160} mt="md" radius="md" />;
  if (plan.isError) return <Alert mt="md" color="red" variant="light">{refusalSentence(t, plan.error)}</Alert>;
  const p = plan.data;
  const confirm = () =>
    publish.mutate({ storeId, ...(staff && { staffId: staff.id }) }, { onSettled: () => setConfirming(false) });

  return (
    <Stack gap="md" mt="md" data-testid="recs-publish-plan">
      <Text size="sm">{t('recs.publish.target', { store: p.storeName, target: p.target })}</Text>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label={t('recs.publish.products')} value={format.number(p.products)} testId="recs-publish-products" />
        <Stat label={t('recs.publish.changed')} value={format.number(p.changed)} testId="recs-publish-changed" />
        <Stat label={t('recs.publish.unchanged')} value={format.number(p.unchanged)} testId="recs-publish-unchanged" />
        <Stat label={t('recs.publish.skipped')} value={format.number(p.skipped)} testId="recs-publish-skipped" />
      </SimpleGrid>
      {p.skipped > 0 && <Text size="sm" c="dimmed">{t('recs.publish.skippedHint', { count: format.number(p.skipped) })}</Text>}
      {p.changed === 0 ? (
        <Alert variant="light" color="gray" data-testid="recs-publish-nothing">{p.modelId === null ? t('recs.publish.noModel') : t('recs.publish.nothing')}</Alert>
      ) : (
        <>
          <ChangesTable changes={p.changes} />
          <Group>
            <Button leftSection={<IconSend size={16} />} onClick={() => setConfirming(true)} data-testid="recs-publish-open">
              {t('recs.publish.publish', { count: format.number(p.changed) })}
            </Button>
          </Group>
        </>
      )}
      {publish.data && (
        <Alert color="teal" variant="light" data-testid="recs-publish-done">
          {t('recs.publish.queued', { queued: format.number(publish.data.queued), unchanged: format.number(publish.data.unchanged) })}{' '}
          <Anchor href={hrefFor('/sync/outbox')} size="sm">{t('recs.publish.openOutbox')}</Anchor>
        </Alert>
      )}
      {publish.isError && <Alert color="red" variant="light">{refusalSentence(t, publish.error)}</Alert>}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('recs.publish.confirmTitle')} centered>
        <Text size="sm" mb="md">{t('recs.publish.confirmBody', { count: format.number(p.changed), store: p.storeName })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>{t('recs.cancel')}</Button>
          <Button onClick={confirm} loading={publish.isPending} data-testid="recs-publish-confirm">{t('recs.publish.confirm')}</Button>
        </Group>
      </Modal>
    </Stack>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fz="xl" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>{value}</Text>
    </Paper>
  );
}
