import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconEye, IconFileImport } from '@tabler/icons-react';
import type { RecsExperiment } from '../../../../../shared/contract';
import { useI18n, type MessageKey } from '../../../i18n';
import { useRecsTime } from '../time';

const STATUS: Record<RecsExperiment['status'], [MessageKey, string]> = {
  running: ['recs.eval.status.running', 'blue'],
  done: ['recs.eval.status.done', 'teal'],
  failed: ['recs.eval.status.failed', 'red'],
  cancelled: ['recs.eval.status.cancelled', 'gray'],
};

/** Saved evaluations, newest first, with their split, data window and NDCG@10; each can be viewed or loaded into the editor. */
export function ExperimentsList({ experiments, selectedId, onView, onLoad }: {
  experiments: RecsExperiment[];
  selectedId: number | null;
  onView: (id: number) => void;
  onLoad: (experiment: RecsExperiment) => void;
}) {
  const { t, format } = useI18n();
  const time = useRecsTime();
  const ndcg10 = (list: { k: number; ndcg: number }[] | undefined) => {
    const at = list?.find((m) => m.k === 10)?.ndcg;
    return at === undefined ? '—' : at.toFixed(4);
  };
  return (
    <Paper withBorder p="md" radius="md" data-testid="recs-experiments">
      <Title order={2} fz="md" fw={600} mb="sm">{t('recs.eval.experiments')}</Title>
      {experiments.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="recs-experiments-empty">{t('recs.eval.experimentsEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('recs.eval.name')}</Table.Th>
                <Table.Th>{t('recs.eval.when')}</Table.Th>
                <Table.Th>{t('recs.eval.split')}</Table.Th>
                <Table.Th>{t('recs.eval.window')}</Table.Th>
                <Table.Th ta="right">{t('recs.eval.ndcg10')}</Table.Th>
                <Table.Th ta="right">{t('recs.eval.ndcg10Popularity')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {experiments.map((e) => {
                const [statusKey, color] = STATUS[e.status];
                return (
                  <Table.Tr key={e.id} data-testid="recs-experiment-row" bg={e.id === selectedId ? 'var(--mantine-primary-color-light)' : undefined}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500}>{e.name}</Text>
                        {e.status !== 'done' && <Badge size="xs" color={color} variant="light">{t(statusKey)}</Badge>}
                      </Group>
                    </Table.Td>
                    <Table.Td><Text size="sm">{time.at(e.createdAt)}</Text></Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {e.split.kind === 'time' ? t('recs.eval.splitShortTime', { cutoff: format.date(e.split.cutoff) }) : t('recs.eval.split.leaveLast')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.dataFrom && e.dataTo ? `${format.date(e.dataFrom)} – ${format.date(e.dataTo)}` : '—'}</Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{ndcg10(e.results?.candidate)}</Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{ndcg10(e.results?.popularity)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" leftSection={<IconEye size={14} />} onClick={() => onView(e.id)} aria-label={t('recs.eval.viewNamed', { name: e.name })}>
                          {t('recs.eval.view')}
                        </Button>
                        <Button size="compact-xs" variant="subtle" leftSection={<IconFileImport size={14} />} onClick={() => onLoad(e)} aria-label={t('recs.eval.loadNamed', { name: e.name })}>
                          {t('recs.eval.load')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
