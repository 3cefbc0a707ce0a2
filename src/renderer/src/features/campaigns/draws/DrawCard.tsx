import { Alert, Anchor, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { DrawVerification, DrawView } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { useI18n, type Translate } from '../../../i18n';
import { useVerifyDraw } from '../api';
import { refusalSentence } from '../issues';

/** The verification as one sentence in the UI language, built from its findings. */
function verificationSentence(t: Translate, v: DrawVerification, winners: number): string {
  const verdict = v.entrantsIntact && v.sameWinners
    ? t('campaigns.draws.verified', { count: winners })
    : !v.entrantsIntact
      ? t('campaigns.draws.tampered')
      : t('campaigns.draws.differentWinners');
  const { added, removed, reweighted } = v.entrantsChangedSince;
  const since = added + removed + reweighted === 0
    ? t('campaigns.draws.unchangedSince')
    : t('campaigns.draws.changedSince', { added, removed, reweighted });
  return `${verdict} ${since}`;
}

/** One draw: its seed and entrant hash, its winners with the prize (as the campaign's draw mechanic names it), and Verify. */
export function DrawCard({ draw, prize }: { draw: DrawView; prize: string }) {
  const { t, format } = useI18n();
  const verify = useVerifyDraw();
  const ok = verify.data ? verify.data.entrantsIntact && verify.data.sameWinners : null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="draw-card" data-id={draw.id}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={2}>
            <Title order={3} fz="md">{draw.name}</Title>
            <Text size="xs" c="dimmed">
              {t('campaigns.draws.meta', { date: format.date(draw.runAt), by: draw.runBy ?? t('campaigns.detail.someone'), entrants: format.number(draw.entrantsCount) })}
            </Text>
          </Stack>
          <Button variant="light" leftSection={<IconShieldCheck size={16} />} onClick={() => verify.mutate(draw.id)} loading={verify.isPending} data-testid="draw-verify">
            {t('campaigns.draws.verify')}
          </Button>
        </Group>
        <Text size="xs">{t('campaigns.draws.seedLine')} <Code data-testid="draw-seed-value">{draw.seed}</Code></Text>
        <Text size="xs" style={{ wordBreak: 'break-all' }}>{t('campaigns.draws.hashLine')} <Code>{draw.entrantsHash}</Code></Text>
        {verify.data && (
          <Alert color={ok ? 'teal' : 'red'} variant="light" data-testid="draw-verification" data-ok={ok}>
            {verificationSentence(t, verify.data, draw.winners.length)}
          </Alert>
        )}
        {verify.isError && <Alert color="red" variant="light">{refusalSentence(t, verify.error)}</Alert>}
        <Table verticalSpacing={4} data-testid="draw-winners" aria-label={t('campaigns.draws.winners')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>{t('campaigns.draws.rank')}</Table.Th>
              <Table.Th>{t('campaigns.draws.customer')}</Table.Th>
              <Table.Th>{t('campaigns.draws.prize')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draw.winners.map((w) => (
              <Table.Tr key={w.rank} data-testid="draw-winner">
                <Table.Td>{format.number(w.rank)}</Table.Td>
                <Table.Td>
                  <Anchor href={hrefFor(`/customers/${w.customerId}`)} size="sm">{w.name ?? t('campaigns.customerNumber', { id: w.customerId })}</Anchor>
                </Table.Td>
                <Table.Td title={w.prize}>{prize}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
