import { IconCash, IconCoin, IconPercentage, IconTrendingUp } from '@tabler/icons-react';
import type { CampaignReport } from '../../../../../shared/contract';
import { KpiCard } from '../../../components/KpiCard';
import { KpiGrid } from '../../../components/KpiGrid';
import { useI18n } from '../../../i18n';

/** What the campaign cost, what it brought above the holdout, and the return on it. */
export function CostCards({ report, stale }: { report: CampaignReport; stale: boolean }) {
  const { t, format } = useI18n();
  const money = (minor: number) => format.money(minor, report.currency);
  const { cost } = report;
  return (
    <KpiGrid cols={{ base: 1, sm: 2, lg: 4 }} testId="report-cost" stale={stale}>
      <KpiCard testId="report-incremental" label={t('campaigns.report.incremental')} icon={IconTrendingUp}
        display={money(report.incrementalRevenueMinor)} value={report.incrementalRevenueMinor} note={t('campaigns.report.incrementalNote')} />
      <KpiCard testId="report-cost-total" label={t('campaigns.report.cost')} icon={IconCash}
        display={money(cost.totalMinor)} value={cost.totalMinor}
        note={t('campaigns.report.costNote', { points: money(cost.pointsValueMinor), coupons: money(cost.couponDiscountMinor) })} />
      <KpiCard testId="report-points" label={t('campaigns.report.pointsPosted')} icon={IconCoin}
        display={format.number(cost.pointsPosted)} value={cost.pointsPosted}
        note={[t('campaigns.report.couponsNote', { issued: format.number(cost.couponsIssued), used: format.number(cost.couponsUsed) }),
          cost.pointsTakenBack > 0 ? t('campaigns.report.costTakenBack', { points: format.number(cost.pointsTakenBack) }) : null]
          .filter((part) => part !== null).join(' · ')} />
      <KpiCard testId="report-roi" label={t('campaigns.report.roi')} icon={IconPercentage}
        display={report.roi === null ? '—' : format.percent(report.roi)} value={report.roi}
        note={t(report.roi === null ? 'campaigns.report.roiNone' : 'campaigns.report.roiNote')} />
    </KpiGrid>
  );
}
