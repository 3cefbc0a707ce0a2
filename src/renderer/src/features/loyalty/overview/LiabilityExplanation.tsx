import { Code, List, Paper, Text, Title } from '@mantine/core';
import type { LiabilityReport } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { formatPointValue } from './pointValue';

/** How the figure above is computed, with this report's own numbers. */
export function LiabilityExplanation({ report }: { report: LiabilityReport }) {
  const { t, format, locale } = useI18n();
  const currency = report.currency ?? 'USD';
  const held = report.approvedPoints + report.pendingPoints;
  return (
    <Paper withBorder p="md" radius="md" data-testid="liability-explanation">
      <Title order={2} fz="md" fw={600} mb="sm">
        {t('loyalty.liability.how.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('loyalty.liability.how.intro')}
      </Text>
      <Code block mb="sm">
        {t('loyalty.liability.how.formula', {
          held: format.number(held),
          rate: format.percent(report.redemptionRate),
          value: formatPointValue(report.pointValueMinor, currency, locale),
          liability: format.money(report.liabilityMinor, currency),
        })}
      </Code>
      <List size="sm" spacing={4}>
        <List.Item>
          {t('loyalty.liability.how.held', {
            approved: format.number(report.approvedPoints),
            pending: format.number(report.pendingPoints),
          })}
        </List.Item>
        <List.Item>
          {report.redemptionRateSource === 'history'
            ? t('loyalty.liability.how.rateHistory', {
                redeemed: format.number(report.redeemedPoints12Months),
                expired: format.number(report.expiredPoints12Months),
              })
            : t('loyalty.liability.how.rateFallback')}
        </List.Item>
        <List.Item>{t('loyalty.liability.how.value')}</List.Item>
        <List.Item>{t('loyalty.liability.how.debt', { debt: format.number(report.debtPoints) })}</List.Item>
      </List>
    </Paper>
  );
}
