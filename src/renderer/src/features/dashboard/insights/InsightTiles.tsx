import type { InsightsOverview } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { InsightTile, type InsightTileProps } from './InsightTile';
import { KpiGrid, KpiGridSkeleton } from '../../../components/KpiGrid';

const GRID_COLS = { base: 1, xs: 2, md: 3, xl: 4 } as const;

export function InsightTiles({ overview, stale }: { overview: InsightsOverview; stale: boolean }) {
  const { t, format } = useI18n();
  const percent = (rate: number | null) => (rate === null ? t('kpi.notAvailable') : format.percent(rate));
  // "All time" has no previous period: no comparison line at all.
  const hasPrevious = overview.previousRange !== null;
  const rate = (figure: { current: number | null; previous: number | null }) =>
    hasPrevious ? { ...figure, kind: 'rate' as const } : undefined;
  const { csatAverage } = overview;
  const tiles: InsightTileProps[] = [
    {
      testId: 'insight-repeat-purchase-rate',
      label: t('insights.tile.repeatPurchaseRate'),
      definition: t('insights.def.repeatPurchaseRate'),
      display: percent(overview.repeatPurchaseRate.current),
      value: overview.repeatPurchaseRate.current,
      compare: rate(overview.repeatPurchaseRate),
    },
    {
      testId: 'insight-points-liability',
      label: t('insights.tile.pointsLiability'),
      definition: t('insights.def.pointsLiability'),
      display: format.money(overview.pointsLiabilityMinor, overview.currency),
      value: overview.pointsLiabilityMinor,
      note: t('insights.tile.pointsLiabilityNote'),
    },
    {
      testId: 'insight-redemption-rate',
      label: t('insights.tile.redemptionRate'),
      definition: t('insights.def.redemptionRate'),
      display: percent(overview.redemptionRate),
      value: overview.redemptionRate,
      note: t('insights.tile.redemptionRateNote'),
    },
    {
      testId: 'insight-sla-compliance',
      label: t('insights.tile.slaCompliance'),
      definition: t('insights.def.slaCompliance'),
      display: percent(overview.slaCompliance.current),
      value: overview.slaCompliance.current,
      compare: rate(overview.slaCompliance),
    },
    {
      testId: 'insight-csat',
      label: t('insights.tile.csat'),
      definition: t('insights.def.csat'),
      display:
        csatAverage.current === null
          ? t('kpi.notAvailable')
          : t('insights.tile.csatValue', { score: format.number(Math.round(csatAverage.current * 100) / 100) }),
      value: csatAverage.current,
      compare: hasPrevious ? { current: csatAverage.current, previous: csatAverage.previous, kind: 'score' } : undefined,
      note: t('insights.tile.csatResponses', { count: format.number(csatAverage.responses) }),
    },
    {
      testId: 'insight-return-rate',
      label: t('insights.tile.returnRate'),
      definition: t('insights.def.returnRate'),
      display: percent(overview.returnRate.current),
      value: overview.returnRate.current,
      compare: rate(overview.returnRate),
      lowerIsBetter: true,
    },
    {
      testId: 'insight-on-time-rate',
      label: t('insights.tile.onTimeRate'),
      definition: t('insights.def.onTimeRate'),
      display: percent(overview.onTimeDeliveryRate.current),
      value: overview.onTimeDeliveryRate.current,
      compare: rate(overview.onTimeDeliveryRate),
    },
  ];
  return (
    <KpiGrid cols={GRID_COLS} testId="insight-tiles" stale={stale}>
      {tiles.map((tile) => (
        <InsightTile key={tile.testId} {...tile} />
      ))}
    </KpiGrid>
  );
}

export function InsightTilesSkeleton() {
  return <KpiGridSkeleton cols={GRID_COLS} testId="insight-tiles-loading" count={7} />;
}
