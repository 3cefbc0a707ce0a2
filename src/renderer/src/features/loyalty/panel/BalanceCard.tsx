import { Alert, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { PointsBalance } from '../../../../../shared/contract';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { usePointsBalance } from '../api';

/** Spendable, pending and owed points, and what expires soon; `actions` sit beside the title. */
export function BalanceCard({ customerId, actions }: { customerId: number; actions: ReactNode }) {
  const { t } = useI18n();
  const balance = usePointsBalance(customerId);
  return (
    <Paper withBorder p="md" radius="md" data-testid="points-balance">
      <Group justify="space-between" align="center" mb="md" gap="sm">
        <Title order={2} fz="md" fw={600}>
          {t('loyalty.balance.title')}
        </Title>
        <Group gap="xs">{actions}</Group>
      </Group>
      {balance.isPending && <Skeleton height={120} data-testid="points-balance-loading" />}
      {balance.isError && <QueryError error={balance.error} onRetry={() => void balance.refetch()} />}
      {balance.isSuccess && <BalanceFigures balance={balance.data} />}
    </Paper>
  );
}

function BalanceFigures({ balance }: { balance: PointsBalance }) {
  const { t, format } = useI18n();
  const { expiringSoon } = balance;
  return (
    <Stack gap="md">
      <SimpleGrid cols={2} spacing="md">
        <Figure testId="points-approved" label={t('loyalty.balance.approved')} value={balance.approved} large />
        <Figure testId="points-pending" label={t('loyalty.balance.pending')} value={balance.pending} large />
      </SimpleGrid>
      {balance.debt > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} p="sm" data-testid="points-debt" data-value={balance.debt}>
          <Text size="sm" fw={600}>
            {t('loyalty.balance.debt', { points: format.number(balance.debt) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('loyalty.balance.debtHint')}
          </Text>
        </Alert>
      )}
      <div>
        <Text size="sm" c="dimmed" mb={4}>
          {t('loyalty.balance.expiringSoon')}
        </Text>
        <SimpleGrid cols={3} spacing="xs" data-testid="points-expiring">
          <Figure testId="points-expiring-30" label={t('loyalty.days', { days: 30 })} value={expiringSoon.days30} />
          <Figure testId="points-expiring-60" label={t('loyalty.days', { days: 60 })} value={expiringSoon.days60} />
          <Figure testId="points-expiring-90" label={t('loyalty.days', { days: 90 })} value={expiringSoon.days90} />
        </SimpleGrid>
      </div>
    </Stack>
  );
}

function Figure({ testId, label, value, large }: { testId: string; label: string; value: number; large?: boolean }) {
  const { t, format } = useI18n();
  return (
    <Stack gap={0}>
      <Text size={large ? 'sm' : 'xs'} c="dimmed">
        {label}
      </Text>
      <Text
        fz={large ? 28 : 'md'}
        fw={large ? 700 : 600}
        lh={1.25}
        style={{ fontVariantNumeric: 'tabular-nums' }}
        data-testid={testId}
        data-value={value}
      >
        {t('loyalty.points', { points: format.number(value) })}
      </Text>
    </Stack>
  );
}
