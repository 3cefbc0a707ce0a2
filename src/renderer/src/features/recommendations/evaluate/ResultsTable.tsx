import { Table, Text } from '@mantine/core';
import type { RecsExperiment, RecsMetricsAtK } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { METRIC_LABELS } from '../labels';

const COLUMNS = ['precision', 'recall', 'ndcg', 'hitRate', 'map', 'coverage', 'popularityBias'] as const;

/**
 * The figures at each k: the evaluated settings and, on the row below,
 * popularity on the same cases (always shown: a change only helps if it beats
 * the plain "best sellers" list).
 */
export function ResultsTable({ results }: { results: NonNullable<RecsExperiment['results']> }) {
  const { t } = useI18n();
  const value = (v: number) => v.toFixed(4);
  const baselineAt = new Map(results.popularity.map((m) => [m.k, m]));
  const row = (metrics: RecsMetricsAtK, label: string, baseline: boolean, compareTo?: RecsMetricsAtK) => (
    <Table.Tr key={`${metrics.k}-${label}`} data-testid={baseline ? 'recs-results-baseline' : 'recs-results-candidate'}>
      <Table.Td>{baseline ? '' : <Text size="sm" fw={600}>k = {metrics.k}</Text>}</Table.Td>
      <Table.Td><Text size="sm" c={baseline ? 'dimmed' : undefined} fw={baseline ? 400 : 600}>{label}</Text></Table.Td>
      {COLUMNS.map((column) => {
        const better = compareTo && column !== 'popularityBias' && column !== 'coverage' && metrics[column] > compareTo[column];
        return (
          <Table.Td key={column} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
            <Text size="sm" c={baseline ? 'dimmed' : better ? 'teal' : undefined} fw={better ? 600 : 400}>{value(metrics[column])}</Text>
          </Table.Td>
        );
      })}
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped={false} withRowBorders data-testid="recs-results-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>k</Table.Th>
            <Table.Th>{t('recs.eval.list')}</Table.Th>
            {COLUMNS.map((column) => (
              <Table.Th key={column} ta="right">{t(METRIC_LABELS[column])}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.candidate.flatMap((metrics) => {
            const baseline = baselineAt.get(metrics.k);
            return [
              row(metrics, t('recs.eval.candidate'), false, baseline),
              ...(baseline ? [row(baseline, t('recs.eval.popularity'), true)] : []),
            ];
          })}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>{t('recs.eval.betterHint')}</Text>
    </Table.ScrollContainer>
  );
}
