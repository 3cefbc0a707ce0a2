import { Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FeedbackTrends } from '../../../../../shared/contract';
import { axisTick, chartColors, legendStyle, periodAxisProps, valueAxisProps } from '../../../components/chart/chartStyle';
import { ExportableChart } from '../../../components/chart/ExportableChart';
import { ChartTooltip } from '../../../components/chart/ChartTooltip';
import { QueryError } from '../../../components/QueryError';
import { useI18n, type Formatters, type Translate } from '../../../i18n';
import { useFeedbackTrends } from '../api';
import { topicLabel } from '../labels';

const SERIES_COLORS = ['blue', 'teal', 'orange', 'grape', 'red', 'cyan', 'lime', 'pink', 'indigo', 'yellow']
  .map((c) => `var(--mantine-color-${c}-filled)`);
const CHART_HEIGHT = 320;

type By = 'topic' | 'product';
type Interval = 'week' | 'month';

const periodLabel = (format: Formatters, interval: Interval, period: string) =>
  interval === 'week' ? format.dayShort(period) : format.month(period);

/** /feedback/trends: mentions per topic or product over weeks or months, and how negative each is. */
export function TrendsPage() {
  const { t, format } = useI18n();
  const [by, setBy] = useState<By>('topic');
  const [interval, setInterval] = useState<Interval>('week');
  const trends = useFeedbackTrends({ by, interval, limit: 8 });
  const label = (key: string, data: FeedbackTrends) => {
    const series = data.series.find((s) => s.key === key);
    return by === 'topic' ? topicLabel(t, key) : (series?.label ?? key);
  };
  const byColumn = t(by === 'topic' ? 'feedback.trends.byTopic' : 'feedback.trends.byProduct');

  return (
    <Stack gap="md" data-testid="feedback-trends">
      <Group gap="md">
        <SegmentedControl value={by} onChange={(v) => setBy(v as By)} aria-label={t('feedback.trends.by')}
          data={[{ value: 'topic', label: t('feedback.trends.byTopic') }, { value: 'product', label: t('feedback.trends.byProduct') }]} />
        <SegmentedControl value={interval} onChange={(v) => setInterval(v as Interval)} aria-label={t('feedback.trends.interval')}
          data={[{ value: 'week', label: t('feedback.trends.weekly') }, { value: 'month', label: t('feedback.trends.monthly') }]} />
        {trends.data && (
          <Text size="sm" c="dimmed">{t('feedback.trends.range', { from: format.date(trends.data.range.from), to: format.date(trends.data.range.to) })}</Text>
        )}
      </Group>
      {trends.isError && <QueryError error={trends.error} onRetry={() => void trends.refetch()} />}
      {trends.isPending && <Skeleton height={CHART_HEIGHT} />}
      {trends.data && trends.data.series.length === 0 && (
        <Paper withBorder p="xl" data-testid="trends-empty">
          <Text ta="center" c="dimmed">{by === 'topic' ? t('feedback.trends.emptyTopic') : t('feedback.trends.emptyProduct')}</Text>
        </Paper>
      )}
      {trends.data && trends.data.series.length > 0 && (
        <SimpleGrid cols={{ base: 1, lg: 3 }}>
          <div style={{ gridColumn: 'span 2' }}>
            <ExportableChart title={t('feedback.trends.mentions')} definition={t('feedback.trends.mentionsDef')}
              filename={`feedback-mentions-by-${by}-${interval}`} csv={mentionsCsv(trends.data, byColumn, (k) => label(k, trends.data), t)}>
              <MentionsChart data={trends.data} interval={interval} label={(k) => label(k, trends.data)} t={t} format={format} />
            </ExportableChart>
          </div>
          <ExportableChart title={t('feedback.trends.negativeShare')} definition={t('feedback.trends.negativeDef')}
            filename={`feedback-negative-share-by-${by}`} csv={negativeCsv(trends.data, byColumn, (k) => label(k, trends.data), t)}>
            <NegativeShareChart data={trends.data} label={(k) => label(k, trends.data)} t={t} format={format} />
          </ExportableChart>
        </SimpleGrid>
      )}
    </Stack>
  );
}

type Rows = { columns: string[]; rows: (string | number | null)[][] };

/** One row per period (its key: a week's Monday or YYYY-MM), one column of mentions per charted topic or product. */
function mentionsCsv(data: FeedbackTrends, byColumn: string, label: (key: string) => string, t: Translate): Rows {
  return {
    columns: [t('feedback.trends.period'), ...data.series.map((s) => `${byColumn}: ${label(s.key)}`)],
    rows: data.points.map((p) => [p.period, ...data.series.map((s) => p.counts[s.key] ?? null)]),
  };
}

/** One row per charted topic or product: its negative share (as drawn, 0 when unknown) and its mentions. */
function negativeCsv(data: FeedbackTrends, byColumn: string, label: (key: string) => string, t: Translate): Rows {
  return {
    columns: [byColumn, t('feedback.trends.negativeShare'), t('feedback.trends.total')],
    rows: data.series.map((s) => [label(s.key), s.negativeShare ?? 0, s.total]),
  };
}

interface ChartProps {
  data: FeedbackTrends;
  label: (key: string) => string;
  t: Translate;
  format: Formatters;
}

function MentionsChart({ data, interval, label, t, format }: ChartProps & { interval: Interval }) {
  const rows = data.points.map((p) => ({ period: p.period, ...p.counts }));
  return (
    <div data-testid="trends-mentions-chart">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis {...periodAxisProps} tickFormatter={(p: string) => periodLabel(format, interval, p)} />
          <YAxis {...valueAxisProps} width={40} allowDecimals={false} />
          <Tooltip
            content={({ active, payload, label: period }) => {
              if (!active || !payload?.length) return null;
              const point = data.points.find((p) => p.period === period);
              return (
                <ChartTooltip
                  title={periodLabel(format, interval, String(period))}
                  rows={data.series.map((s, i) => ({
                    label: label(s.key),
                    color: SERIES_COLORS[i % SERIES_COLORS.length],
                    value: `${format.number(point?.counts[s.key] ?? 0)}${point?.sentiment[s.key] == null ? '' : ` · ${t('feedback.trends.avgSentiment', { score: (point.sentiment[s.key] as number).toFixed(2) })}`}`,
                  }))}
                />
              );
            }}
          />
          <Legend wrapperStyle={legendStyle} formatter={(key: string) => label(key)} />
          {data.series.map((s, i) => (
            <Line key={s.key} type="linear" dataKey={s.key} name={s.key} stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
              strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

function NegativeShareChart({ data, label, t, format }: ChartProps) {
  const rows = data.series.map((s, i) => ({
    key: s.key, name: label(s.key), share: s.negativeShare ?? 0, total: s.total, fill: SERIES_COLORS[i % SERIES_COLORS.length],
  }));
  return (
    <div data-testid="trends-negative-chart">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" {...valueAxisProps} domain={[0, 1]} tickFormatter={(v: number) => format.percent(v, 0)} />
          <YAxis type="category" dataKey="name" tick={axisTick} tickLine={false} axisLine={false} width={110} />
          <Tooltip
            cursor={{ fill: chartColors.cursor }}
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as (typeof rows)[number] | undefined;
              if (!active || !row) return null;
              return (
                <ChartTooltip title={row.name} rows={[
                  { label: t('feedback.trends.negativeShare'), value: format.percent(row.share) },
                  { label: t('feedback.trends.total'), value: format.number(row.total) },
                ]} />
              );
            }}
          />
          <Bar dataKey="share" isAnimationActive={false} radius={[0, 4, 4, 0]} fill="var(--mantine-color-red-filled)" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
