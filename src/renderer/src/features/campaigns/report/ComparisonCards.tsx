import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CampaignReport } from '../../../../../shared/contract';
import { DefinitionButton } from '../../../components/chart/DefinitionButton';
import { useI18n, type MessageKey } from '../../../i18n';
import { differenceSentence, figureFormat } from './comparison';

const LABEL: Record<string, MessageKey> = {
  repeatRate: 'campaigns.report.repeatRate',
  revenuePerCustomer: 'campaigns.report.revenuePerCustomer',
  ordersPerCustomer: 'campaigns.report.ordersPerCustomer',
};
const DEFINITION: Record<string, MessageKey> = {
  repeatRate: 'campaigns.report.def.repeatRate',
  revenuePerCustomer: 'campaigns.report.def.revenuePerCustomer',
  ordersPerCustomer: 'campaigns.report.def.ordersPerCustomer',
};

/** One card per compared figure: treatment beside holdout, then the difference with its interval. */
export function ComparisonCards({ report }: { report: CampaignReport }) {
  const { t, format, locale } = useI18n();
  const confidence = format.percent(report.confidence, 0);
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" data-testid="report-comparisons">
      {report.comparisons.map((c) => {
        const f = figureFormat(c.metric, locale, format, report.currency, t);
        const label = t(LABEL[c.metric] ?? 'campaigns.report.repeatRate');
        return (
          <Paper key={c.metric} withBorder radius="md" p="md" data-testid={`report-${c.metric}`} data-significant={c.significant}>
            <Stack gap={6}>
              <Group gap={4} wrap="nowrap">
                <Text size="sm" c="dimmed" fw={500}>{label}</Text>
                <DefinitionButton label={label} definition={t(DEFINITION[c.metric] ?? 'campaigns.report.def.repeatRate')}
                  ariaLabel={t('campaigns.report.definitionOf', { name: label })} />
              </Group>
              <Group gap="lg" align="flex-end">
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">{t('campaigns.report.treatment')}</Text>
                  <Text fz={24} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="report-treatment-value">{f.value(c.treatment)}</Text>
                </Stack>
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">{t('campaigns.report.holdout')}</Text>
                  <Text fz={18} fw={600} c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>{f.value(c.holdout)}</Text>
                </Stack>
              </Group>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600} data-testid="report-difference">{differenceSentence(c, f, t)}</Text>
                <Badge size="xs" variant="light" color={c.significant ? 'teal' : 'gray'}>{t('campaigns.report.confidence', { confidence })}</Badge>
              </Group>
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
