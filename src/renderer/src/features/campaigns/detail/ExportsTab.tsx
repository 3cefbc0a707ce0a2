import { Alert, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import type { CampaignDetail } from '../../../../../shared/contract';
import { downloadBlob } from '../../../components/chart/downloadBlob';
import { useI18n, type MessageKey } from '../../../i18n';
import { useExportCoupons, useExportPrices } from '../api';
import { refusalSentence } from '../issues';

type ExportAnswer = { filename: string; csv: string; rows: number };

/** The campaign's coupon codes and member-only price list as CSV files for the marketplace. */
export function ExportsTab({ campaign: c }: { campaign: CampaignDetail }) {
  const coupons = useExportCoupons();
  const prices = useExportPrices();
  const givesCoupons = c.mechanics.some((m) => m.kind === 'coupon' || (m.kind === 'draw' && m.prize.kind === 'coupon'));
  const hasPrices = c.mechanics.some((m) => m.kind === 'priceList');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <ExportCard
        title="campaigns.exports.coupons"
        explain="campaigns.exports.couponsExplain"
        unavailable={!givesCoupons ? 'campaigns.exports.noCoupons' : c.launchedAt === null ? 'campaigns.exports.notLaunched' : null}
        run={() => coupons.mutateAsync(c.id)}
        pending={coupons.isPending}
        error={coupons.error}
        testId="export-coupons"
      />
      <ExportCard
        title="campaigns.exports.prices"
        explain="campaigns.exports.pricesExplain"
        unavailable={hasPrices ? null : 'campaigns.exports.noPrices'}
        run={() => prices.mutateAsync(c.id)}
        pending={prices.isPending}
        error={prices.error}
        testId="export-prices"
      />
    </SimpleGrid>
  );
}

function ExportCard({ title, explain, unavailable, run, pending, error, testId }: {
  title: MessageKey;
  explain: MessageKey;
  unavailable: MessageKey | null;
  run: () => Promise<ExportAnswer>;
  pending: boolean;
  error: unknown;
  testId: string;
}) {
  const { t, format } = useI18n();
  const download = async () => {
    try {
      const answer = await run();
      // A byte-order mark, so spreadsheet programs read Chinese names as UTF-8.
      downloadBlob(new Blob(['\ufeff', answer.csv], { type: 'text/csv;charset=utf-8' }), answer.filename);
      notifications.show({ color: 'teal', message: t('campaigns.exports.done', { count: format.number(answer.rows), file: answer.filename }) });
    } catch {
      // The error is shown in the card from the mutation's state.
    }
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz="md">{t(title)}</Title>
        <Text size="sm" c="dimmed">{t(explain)}</Text>
        {unavailable ? (
          <Text size="sm" data-testid={`${testId}-unavailable`}>{t(unavailable)}</Text>
        ) : (
          <Button leftSection={<IconDownload size={16} />} onClick={() => void download()} loading={pending} w="fit-content" data-testid={testId}>
            {t('campaigns.exports.download')}
          </Button>
        )}
        {error != null && <Alert color="red" variant="light">{refusalSentence(t, error)}</Alert>}
      </Stack>
    </Paper>
  );
}
