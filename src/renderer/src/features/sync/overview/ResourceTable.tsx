import { Table, Text } from '@mantine/core';
import type { SyncStoreStatus } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { resourceLabel } from '../labels';
import { useSyncTime } from '../time';
import { useSyncSentences } from '../messages';

/** Per resource: how far the cursor has come, and the platform's total against what is here. */
export function ResourceTable({ status }: { status: SyncStoreStatus }) {
  const { t, format } = useI18n();
  const sentences = useSyncSentences();
  const time = useSyncTime();
  if (status.resources.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder withColumnBorders={false} verticalSpacing={6} data-testid="sync-resources" aria-label={t('sync.resources.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sync.resources.resource')}</Table.Th>
            <Table.Th>{t('sync.resources.cursor')}</Table.Th>
            <Table.Th>{t('sync.resources.lastSuccess')}</Table.Th>
            <Table.Th ta="right" title={t('sync.resources.remoteHint')}>{t('sync.resources.remote')}</Table.Th>
            <Table.Th ta="right">{t('sync.resources.local')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {status.resources.map((r) => (
            <Table.Tr key={r.resource} data-resource={r.resource}>
              <Table.Td>
                {resourceLabel(t, r.resource)}
                {r.lastError && <Text size="xs" c="red">{sentences.message(r.lastError)}</Text>}
              </Table.Td>
              <Table.Td>
                {r.cursor
                  ? <Text size="sm" title={r.cursor.externalId}>{time.at(r.cursor.updatedAt)}</Text>
                  : <Text size="sm" c="dimmed">{t('sync.resources.fromStart')}</Text>}
              </Table.Td>
              <Table.Td>{r.lastSucceededAt ? time.relative(r.lastSucceededAt) : '—'}</Table.Td>
              <Table.Td ta="right" data-testid="sync-remote-total">{r.remoteTotal === null ? '—' : format.number(r.remoteTotal)}</Table.Td>
              <Table.Td ta="right" data-testid="sync-local-count"
                c={r.remoteTotal !== null && r.localCount < r.remoteTotal ? 'orange' : undefined}>
                {format.number(r.localCount)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
