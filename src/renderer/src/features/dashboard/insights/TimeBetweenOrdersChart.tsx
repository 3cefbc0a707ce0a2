import { SimpleGrid, Stack, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Retention } from '../../../../../shared/contract';
import { pointTooltip } from '../../../components/chart/ChartTooltip';
import { axisTick, chartColors, valueAxisProps } from '../../../components/chart/chartStyle';
import { useI18n, type Translate } from '../../../i18n';
import { CHART_HEIGHT, ChartCard } from '../ChartCard';
import { useRetention, type InsightsScope } from './api';

type Bucket = Retention['timeBetweenOrders'][number];

export function bucketLabel(bucket: Bucket, t: Translate): string {
  if (bucket.toDays === null) return t('insights.repeat.bucketOpen', { from: bucket.fromDays });
  if (bucket.toDays === bucket.fromDays) return t('insights.repeat.bucketOne', { from: bucket.fromDays });
  return t('insights.repeat.bucketRange', { from: bucket.fromDays, to: bucket.toDays });
}

/** The short axis label: numbers only ("8–14", "366+"), the unit is in the axis title. */
function bucketTick(bucket: Bucket): string {
  if (bucket.toDays === null) return `${bucket.fromDays}+`;
  return bucket.toDays === bucket.fromDays ? String(bucket.fromDays) : `${bucket.fromDays}–${bucket.toDays}`;
}

/** The bucket holding a number of days, for the p50 and p90 markers. */
function bucketOf(buckets: readonly Bucket[], days: number | null): Bucket | undefined {
  if (days === null) return undefined;
  return buckets.find((b) => days >= b.fromDays && (b.toDays === null || days <= b.toDays));
}

export function TimeBetweenOrdersChart({ scope }: { scope: InsightsScope }) {
  const { t } = useI18n();
  const retention = useRetention(scope);
  return (
    <ChartCard
      title={t('insights.repeat.title')}
      testId="insight-time-between"
      filename="time-between-orders"
      definition={t('insights.def.timeBetweenOrders')}
      query={retention}
      isEmpty={(data) => data.timeBetweenOrders.every((b) => b.count === 0)}
      emptyText={t('insights.repeat.empty')}
      csv={(data) => ({
        columns: [t('insights.repeat.bucket'), t('insights.repeat.fromDays'), t('insights.repeat.toDays'), t('insights.repeat.orders')],
        rows: data.timeBetweenOrders.map((b) => [bucketLabel(b, t), b.fromDays, b.toDays, b.count]),
      })}
    >
      {(data) => <Histogram data={data} />}
    </ChartCard>
  );
}

function Stat({ label, value, testId, raw }: { label: string; value: string; testId: string; raw: number | null }) {
  return (
    // Labels wrap to different heights: the figures still line up along the bottom.
    <Stack gap={0} h="100%" justify="space-between">
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} data-testid={testId} data-value={raw ?? ''} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Stack>
  );
}

function Histogram({ data }: { data: Retention }) {
  const { t, format } = useI18n();
  const na = t('kpi.notAvailable');
  const days = (value: number | null) => (value === null ? na : t('insights.repeat.days', { days: format.number(value) }));
  const points = data.timeBetweenOrders.map((b) => ({ ...b, label: bucketLabel(b, t), tick: bucketTick(b) }));
  const p50 = bucketOf(data.timeBetweenOrders, data.timeBetweenOrdersP50);
  const p90 = bucketOf(data.timeBetweenOrders, data.timeBetweenOrdersP90);
  const marker = (bucket: Bucket | undefined, label: string) =>
    bucket && (
      <ReferenceLine
        x={bucketTick(bucket)}
        stroke={chartColors.axis}
        strokeDasharray="4 3"
        label={{ value: label, position: 'insideTop', fill: chartColors.axis, fontSize: 11 }}
      />
    );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat
          label={t('insights.repeat.rate')}
          testId="repeat-rate"
          raw={data.repeatPurchaseRate}
          value={data.repeatPurchaseRate === null ? na : format.percent(data.repeatPurchaseRate)}
        />
        <Stat
          label={t('insights.repeat.returningShare')}
          testId="returning-share"
          raw={data.returningOrderShare}
          value={data.returningOrderShare === null ? na : format.percent(data.returningOrderShare)}
        />
        <Stat label={t('insights.repeat.p50')} testId="between-p50" raw={data.timeBetweenOrdersP50} value={days(data.timeBetweenOrdersP50)} />
        <Stat label={t('insights.repeat.p90')} testId="between-p90" raw={data.timeBetweenOrdersP90} value={days(data.timeBetweenOrdersP90)} />
      </SimpleGrid>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT - 24}>
        <BarChart data={points} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="tick"
            tick={axisTick}
            tickLine={false}
            axisLine={{ stroke: chartColors.grid }}
            interval={0}
            height={40}
            label={{ value: t('insights.repeat.bucket'), position: 'insideBottom', fill: chartColors.axis, fontSize: 12 }}
          />
          <YAxis {...valueAxisProps} width={48} allowDecimals={false} tickFormatter={(v: number) => format.number(v)} />
          <Tooltip
            cursor={{ fill: chartColors.cursor }}
            content={pointTooltip((point: (typeof points)[number]) => ({
              title: point.label,
              rows: [{ label: t('insights.repeat.orders'), value: format.number(point.count), color: chartColors.revenue }],
            }))}
          />
          <Bar dataKey="count" fill={chartColors.revenue} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          {marker(p50, t('insights.repeat.p50'))}
          {marker(p90 !== p50 ? p90 : undefined, t('insights.repeat.p90'))}
        </BarChart>
      </ResponsiveContainer>
    </Stack>
  );
}
