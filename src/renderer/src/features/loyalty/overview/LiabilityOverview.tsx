import { Alert, Anchor, Paper, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { IconAlertTriangle, IconClockPause, IconCoin, IconInfoCircle, IconPercentage, IconReceiptTax, IconStars } from '@tabler/icons-react';
import type { ComponentProps } from 'react';
import type { LiabilityReport } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { KpiCard } from '../../../components/KpiCard';
import { useLiability } from '../api';
import { ExpiringByMonthChart } from './ExpiringByMonthChart';
import { LiabilityExplanation } from './LiabilityExplanation';
import { MaintenanceLine } from './MaintenanceLine';
import { tabPath } from '../routes';
import { formatPointValue } from './pointValue';

const GRID_COLS = { base: 1, xs: 2, lg: 3 } as const;

/** The points liability report: what the outstanding points may cost, and when they expire. */
export function LiabilityOverview() {
  const liability = useLiability();
  if (liability.isPending) return <OverviewSkeleton />;
  if (liability.isError) return <QueryError error={liability.error} onRetry={() => void liability.refetch()} />;
  return (
    <Stack gap="lg" data-testid="liability-overview">
      {liability.data.approvedPoints + liability.data.pendingPoints === 0 && <NoPointsYet />}
      <LiabilityKpis report={liability.data} />
      <MaintenanceLine />
      <ExpiringByMonthChart report={liability.data} />
      <LiabilityExplanation report={liability.data} />
    </Stack>
  );
}

function LiabilityKpis({ report }: { report: LiabilityReport }) {
  const { t, format, locale } = useI18n();
  const currency = report.currency ?? 'USD';
  const points = (value: number) => t('loyalty.points', { points: format.number(value) });
  const cards: ComponentProps<typeof KpiCard>[] = [
    {
      testId: 'liability-approved',
      label: t('loyalty.liability.approved'),
      icon: IconStars,
      display: points(report.approvedPoints),
      value: report.approvedPoints,
      note: t('loyalty.liability.customers', { count: format.number(report.customersWithPoints) }),
    },
    {
      testId: 'liability-pending',
      label: t('loyalty.liability.pending'),
      icon: IconClockPause,
      display: points(report.pendingPoints),
      value: report.pendingPoints,
      note: t('loyalty.liability.pendingNote'),
    },
    {
      testId: 'liability-point-value',
      label: t('loyalty.liability.pointValue'),
      icon: IconCoin,
      display: formatPointValue(report.pointValueMinor, currency, locale),
      value: report.pointValueMinor,
      note: t('loyalty.liability.pointValueNote'),
    },
    {
      testId: 'liability-redemption-rate',
      label: t('loyalty.liability.redemptionRate'),
      icon: IconPercentage,
      display: format.percent(report.redemptionRate),
      value: report.redemptionRate,
      note:
        report.redemptionRateSource === 'history'
          ? t('loyalty.liability.rateFromHistory')
          : t('loyalty.liability.rateFallback'),
    },
    {
      testId: 'liability-money',
      label: t('loyalty.liability.money'),
      icon: IconReceiptTax,
      display: format.money(report.liabilityMinor, currency),
      value: report.liabilityMinor,
      note: t('loyalty.liability.faceValue', { amount: format.money(report.faceValueMinor, currency) }),
    },
    {
      testId: 'liability-debt',
      label: t('loyalty.liability.debt'),
      icon: IconAlertTriangle,
      display: points(report.debtPoints),
      value: report.debtPoints,
      note: t('loyalty.liability.debtNote'),
    },
  ];
  return (
    <SimpleGrid cols={GRID_COLS} spacing="md" data-testid="liability-kpis">
      {cards.map((card) => (
        <KpiCard key={card.testId} {...card} />
      ))}
    </SimpleGrid>
  );
}

/** A new program: say where points come from instead of showing only zeros. */
function NoPointsYet() {
  const { t } = useI18n();
  return (
    <Alert variant="light" icon={<IconInfoCircle size={18} />} data-testid="liability-no-points">
      {t('loyalty.liability.noPoints')}{' '}
      <Anchor href={hrefFor(tabPath('program'))} size="sm">
        {t('loyalty.liability.openProgram')}
      </Anchor>
    </Alert>
  );
}

function OverviewSkeleton() {
  return (
    <Stack gap="lg" data-testid="liability-loading">
      <SimpleGrid cols={GRID_COLS} spacing="md">
        {Array.from({ length: 6 }, (_, i) => (
          <Paper key={i} withBorder p="md" radius="md">
            <Skeleton height={14} width="50%" mb={14} />
            <Skeleton height={28} width="70%" mb={12} />
            <Skeleton height={10} width="40%" />
          </Paper>
        ))}
      </SimpleGrid>
      <Skeleton height={320} radius="md" />
    </Stack>
  );
}
