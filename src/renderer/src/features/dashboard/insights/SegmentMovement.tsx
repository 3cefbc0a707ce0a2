import { CUSTOMER_SEGMENTS, type Retention } from '../../../../../shared/contract';
import { useI18n, type Formatters, type Translate } from '../../../i18n';
import { ChartCard } from '../ChartCard';
import { useRetention, type InsightsScope } from './api';
import { HeatGrid, type HeatCell } from './HeatGrid';

type SegmentKey = Retention['segmentMovement'][number]['from'];
const ORDER: readonly SegmentKey[] = [...CUSTOMER_SEGMENTS, 'none'];

const segmentLabel = (key: SegmentKey, t: Translate) => t(`customers.segment.${key}`);

export function movementWindow(data: Retention, t: Translate, format: Formatters): string {
  const { from, to } = data.segmentMovementWindow;
  if (!to) return t('insights.movement.windowUnknown');
  // One computation only: everyone comes from "no segment".
  if (!from) return t('insights.movement.windowFirst', { to: format.date(to) });
  return t('insights.movement.window', { from: format.date(from), to: format.date(to) });
}

export function SegmentMovement({ scope }: { scope: InsightsScope }) {
  const { t, format } = useI18n();
  const retention = useRetention(scope);
  const title = t('insights.movement.title');
  return (
    <ChartCard
      // The window belongs to the figure: it is in the title so the exported image states it too.
      title={retention.data ? `${title} · ${movementWindow(retention.data, t, format)}` : title}
      testId="insight-movement"
      filename="rfm-segment-movement"
      definition={t('insights.def.segmentMovement')}
      query={retention}
      isEmpty={(data) => data.segmentMovement.every((m) => m.customers === 0)}
      emptyText={t('insights.movement.empty')}
      csv={(data) => ({
        columns: [t('insights.movement.from'), t('insights.movement.to'), t('insights.movement.customers')],
        rows: data.segmentMovement.map((m) => [segmentLabel(m.from, t), segmentLabel(m.to, t), m.customers]),
      })}
    >
      {(data) => <MovementGrid data={data} />}
    </ChartCard>
  );
}

function MovementGrid({ data }: { data: Retention }) {
  const { t, format } = useI18n();
  const present = (side: 'from' | 'to') =>
    ORDER.filter((key) => data.segmentMovement.some((m) => m[side] === key && m.customers > 0));
  const fromKeys = present('from');
  const toKeys = present('to');
  const count = new Map(data.segmentMovement.map((m) => [`${m.from}→${m.to}`, m.customers]));
  // Customers who stayed outnumber movers by far: the colour follows the moves.
  const moves = data.segmentMovement.filter((m) => m.from !== m.to).map((m) => m.customers);
  const max = Math.max(1, ...moves);
  const cells = fromKeys.map((from) =>
    toKeys.map((to): HeatCell | null => {
      const customers = count.get(`${from}→${to}`) ?? 0;
      if (customers === 0) return null;
      const vars = { count: format.number(customers), from: segmentLabel(from, t), to: segmentLabel(to, t) };
      return {
        value: customers,
        intensity: customers / max,
        text: format.number(customers),
        description: t(from === to ? 'insights.movement.cellStayed' : 'insights.movement.cellMoved', vars),
      };
    }),
  );
  return (
    <HeatGrid
      label={t('insights.movement.title')}
      testId="movement-grid"
      rowHeader={t('insights.movement.from')}
      rows={fromKeys.map((key) => ({ key, label: segmentLabel(key, t) }))}
      columns={toKeys.map((key) => ({ key, label: segmentLabel(key, t) }))}
      cells={cells}
      columnAxisTitle={t('insights.movement.to')}
      minCellWidth={104}
      labelWidth={132}
    />
  );
}
