import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { InputOf, PaymentsSummary } from '../../../../shared/contract';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n';
import { RangeAndCurrencyControls, useRangeAndCurrency } from '../dashboard/RangeAndCurrency';
import { usePaymentsSummary } from './api';
import { AttentionList } from './AttentionList';
import { BreakdownChart } from './BreakdownChart';
import { PaymentsKpiGrid, PaymentsKpiSkeleton } from './PaymentsKpiGrid';
import { PaymentsSeriesChart } from './PaymentsSeriesChart';
import { RefundsByReason } from './RefundsByReason';
import { rangeLineText } from '../../components/rangeLine';

/** Where the money came from and where it went back: methods, gateways, refunds, failures. */
export function PaymentsPage() {
  const { t } = useI18n();
  const state = useRangeAndCurrency('backroom.payments.range');
  const { range, currency } = state;
  const input: InputOf<'payments.summary'> = { compare: true, ...(range && { range }), ...(currency && { currency }) };
  const summary = usePaymentsSummary(input);
  return (
    <>
      <PageHeader
        title={t('area.payments.title')}
        description={summary.data ? <RangeLine summary={summary.data} /> : t('payments.description')}
        actions={
          <RangeAndCurrencyControls state={state} currencies={summary.data?.currencies} shownCurrency={summary.data?.currency}
            currencyTestId="payments-currency" />
        }
      />
      <Stack gap="lg" data-testid="payments-page">
        {summary.isPending && <PaymentsKpiSkeleton />}
        {summary.isError && <QueryError error={summary.error} onRetry={() => void summary.refetch()} />}
        {summary.isSuccess && <PaymentsKpiGrid summary={summary.data} stale={summary.isPlaceholderData} />}
        {!summary.isError && (
          <>
            <PaymentsSeriesChart query={summary} />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <BreakdownChart query={summary} by="method" />
              <BreakdownChart query={summary} by="gateway" />
            </SimpleGrid>
            <RefundsByReason query={summary} />
            {summary.data && <AttentionList summary={summary.data} />}
          </>
        )}
      </Stack>
    </>
  );
}

function RangeLine({ summary }: { summary: PaymentsSummary }) {
  const i18n = useI18n();
  return (
    <Text span size="sm" data-testid="payments-range-line">
      {rangeLineText(i18n, summary.range, summary.previousRange)}
    </Text>
  );
}
