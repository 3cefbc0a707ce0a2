import { Group, Paper, Select, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { RECS_METRICS, type RecsExperiment, type RecsMetric } from '../../../../../shared/contract';
import { pointTooltip } from '../../../components/chart/ChartTooltip';
import { axisTick, chartColors, legendStyle, valueAxisProps } from '../../../components/chart/chartStyle';
import { useI18n } from '../../../i18n';
import { METRIC_LABELS } from '../labels';

const CHART_HEIGHT = 260;
const CANDIDATE = 'var(--mantine-primary-color-filled)';
const BASELINE = 'var(--mantine-color-orange-filled)';
const fixed = (v: number) => v.toFixed(3);

const legend = (
  <Legend iconType="plainline" wrapperStyle={legendStyle} formatter={(label: string) => <span style={legendStyle}>{label}</span>} />
);

/** One metric over k: the evaluated settings against popularity. */
export function MetricOverKChart({ results }: { results: NonNullable<RecsExperiment['results']> }) {
  const { t } = useI18n();
  const [metric, setMetric] = useState<RecsMetric>('ndcg');
  const baseline = new Map(results.popularity.map((m) => [m.k, m[metric]]));
  const data = results.candidate.map((m) => ({ k: m.k, candidate: m[metric], popularity: baseline.get(m.k) ?? null }));
  const candidateLabel = t('recs.eval.candidate');
  const baselineLabel = t('recs.eval.popularity');
  return (
    <Paper withBorder p="md" radius="md" data-testid="recs-chart-over-k">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="sm" fw={600}>{t('recs.eval.chartOverK', { metric: t(METRIC_LABELS[metric]) })}</Title>
        <Select
          size="xs"
          aria-label={t('recs.eval.metric')}
          data={RECS_METRICS.map((m) => ({ value: m, label: t(METRIC_LABELS[m]) }))}
          value={metric}
          onChange={(v) => v && setMetric(v as RecsMetric)}
          allowDeselect={false}
          w={160}
          data-testid="recs-chart-metric"
        />
      </Group>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="k" tick={axisTick} tickLine={false} axisLine={{ stroke: chartColors.grid }} tickFormatter={(k: number) => `k=${k}`} />
          <YAxis {...valueAxisProps} width={52} tickFormatter={fixed} />
          <Tooltip
            content={pointTooltip((p: (typeof data)[number]) => ({
              title: `k = ${p.k}`,
              rows: [
                { label: candidateLabel, value: fixed(p.candidate), color: CANDIDATE },
                { label: baselineLabel, value: p.popularity === null ? '—' : fixed(p.popularity), color: BASELINE },
              ],
            }))}
          />
          {legend}
          <Line dataKey="candidate" name={candidateLabel} stroke={CANDIDATE} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} connectNulls />
          <Line dataKey="popularity" name={baselineLabel} stroke={BASELINE} strokeWidth={2} strokeDasharray="5 4" dot={{ r: 3 }} isAnimationActive={false} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </Paper>
  );
}

/** NDCG@10 of every finished experiment, oldest first, with popularity on the same split. */
export function ExperimentsChart({ experiments }: { experiments: RecsExperiment[] }) {
  const { t } = useI18n();
  const at10 = (list: { k: number; ndcg: number }[] | undefined) => list?.find((m) => m.k === 10)?.ndcg ?? null;
  const data = experiments
    .filter((e) => e.status === 'done' && e.results)
    .slice()
    .reverse()
    .map((e) => ({ name: e.name, candidate: at10(e.results?.candidate), popularity: at10(e.results?.popularity) }))
    .filter((p) => p.candidate !== null);
  const candidateLabel = t('recs.eval.candidate');
  const baselineLabel = t('recs.eval.popularity');
  return (
    <Paper withBorder p="md" radius="md" data-testid="recs-chart-experiments">
      <Title order={3} fz="sm" fw={600} mb="sm">{t('recs.eval.chartExperiments')}</Title>
      {data.length === 0 ? (
        <Text size="sm" c="dimmed" h={CHART_HEIGHT}>{t('recs.eval.chartExperimentsEmpty')}</Text>
      ) : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={axisTick} tickLine={false} axisLine={{ stroke: chartColors.grid }} minTickGap={16} />
            <YAxis {...valueAxisProps} width={52} tickFormatter={fixed} />
            <Tooltip
              content={pointTooltip((p: (typeof data)[number]) => ({
                title: p.name,
                rows: [
                  { label: candidateLabel, value: p.candidate === null ? '—' : fixed(p.candidate), color: CANDIDATE },
                  { label: baselineLabel, value: p.popularity === null ? '—' : fixed(p.popularity), color: BASELINE },
                ],
              }))}
            />
            {legend}
            <Line dataKey="candidate" name={candidateLabel} stroke={CANDIDATE} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} connectNulls />
          <Line dataKey="popularity" name={baselineLabel} stroke={BASELINE} strokeWidth={2} strokeDasharray="5 4" dot={{ r: 3 }} isAnimationActive={false} connectNulls />
          </LineChart>
        </ResponsiveContainer>
      )}
    </Paper>
  );
}
