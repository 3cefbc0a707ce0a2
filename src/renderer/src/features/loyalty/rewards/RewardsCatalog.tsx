import { ActionIcon, Badge, Button, EmptyState, Group, Paper, Skeleton, Switch, Table, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconGift, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { RewardView } from '../../../../../shared/contract';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useArchiveReward, useRewards } from '../api';
import { useStoreCurrency } from '../currency';
import { refusalSentence } from '../issues';
import { describeRewardValue, KIND_LABELS } from './describe';
import { RewardModal } from './RewardModal';

/** The rewards catalog: what points buy. Archiving takes a reward out; issued coupons stay valid. */
export function RewardsCatalog() {
  const { t } = useI18n();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<{ reward: RewardView | null } | null>(null);
  const rewards = useRewards(showArchived);
  const currency = useStoreCurrency();
  const create = () => setEditing({ reward: null });
  return (
    <Paper withBorder p="md" radius="md" data-testid="rewards-catalog">
      <Group justify="space-between" mb="md">
        <Switch
          label={t('loyalty.rewards.showArchived')}
          checked={showArchived}
          onChange={(event) => setShowArchived(event.currentTarget.checked)}
        />
        <Button leftSection={<IconPlus size={16} />} onClick={create} data-testid="reward-create">
          {t('loyalty.rewards.create')}
        </Button>
      </Group>
      {rewards.isPending && <Skeleton height={200} data-testid="rewards-loading" />}
      {rewards.isError && <QueryError error={rewards.error} onRetry={() => void rewards.refetch()} />}
      {rewards.isSuccess && rewards.data.rewards.length === 0 && (
        <EmptyState
          icon={<IconGift size={28} />}
          variant="light"
          title={t('loyalty.rewards.emptyTitle')}
          description={t('loyalty.rewards.emptyBody')}
          data-testid="rewards-empty"
        >
          <EmptyState.Actions>
            <Button onClick={create}>{t('loyalty.rewards.create')}</Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
      {rewards.isSuccess && rewards.data.rewards.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing={8} highlightOnHover data-testid="rewards-table" styles={{ th: { whiteSpace: 'nowrap' } }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('loyalty.rewards.name')}</Table.Th>
                <Table.Th>{t('loyalty.rewards.kind')}</Table.Th>
                <Table.Th ta="right">{t('loyalty.rewards.costShort')}</Table.Th>
                <Table.Th>{t('loyalty.rewards.value')}</Table.Th>
                <Table.Th ta="right">{t('loyalty.rewards.minOrderShort')}</Table.Th>
                <Table.Th ta="right">{t('loyalty.rewards.limitShort')}</Table.Th>
                <Table.Th ta="right">{t('loyalty.rewards.issuedShort')}</Table.Th>
                <Table.Th>{t('loyalty.rewards.status')}</Table.Th>
                <Table.Th w={80}>
                  <VisuallyHidden>{t('loyalty.rewards.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rewards.data.rewards.map((reward) => (
                <RewardRow key={reward.id} reward={reward} currency={currency} onEdit={() => setEditing({ reward })} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RewardModal
        opened={editing !== null}
        reward={editing?.reward ?? null}
        currency={currency}
        onClose={() => setEditing(null)}
      />
    </Paper>
  );
}

function RewardRow({ reward, currency, onEdit }: { reward: RewardView; currency: string; onEdit: () => void }) {
  const { t, format } = useI18n();
  const archive = useArchiveReward();
  const doArchive = () =>
    archive.mutate(
      { id: reward.id },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('loyalty.rewards.archived', { name: reward.name }) }),
        onError: (error) => notifications.show({ color: 'red', message: refusalSentence(t, error) }),
      },
    );
  const tabular = { fontVariantNumeric: 'tabular-nums' } as const;
  return (
    <Table.Tr data-testid="reward-row" data-reward-id={reward.id} style={{ opacity: reward.active ? 1 : 0.6 }}>
      <Table.Td fw={600} miw={160}>{reward.name}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(KIND_LABELS[reward.kind])}</Table.Td>
      <Table.Td ta="right" style={tabular}>
        {format.number(reward.pointsCost)}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{describeRewardValue(reward, t, format, currency)}</Table.Td>
      <Table.Td ta="right" style={tabular}>
        {reward.minOrderMinor > 0 ? format.money(reward.minOrderMinor, currency) : t('loyalty.rewards.anyOrder')}
      </Table.Td>
      <Table.Td ta="right" style={tabular}>
        {reward.limitPerCustomer === null ? t('loyalty.rewards.noLimit') : format.number(reward.limitPerCustomer)}
      </Table.Td>
      <Table.Td ta="right" style={tabular}>
        {format.number(reward.issuedCount)}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={reward.active ? 'teal' : 'gray'} size="sm" styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
          {reward.active ? t('loyalty.rewards.activeBadge') : t('loyalty.rewards.archivedBadge')}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Tooltip label={t('loyalty.rewards.edit')}>
            <ActionIcon variant="subtle" onClick={onEdit} aria-label={t('loyalty.rewards.editNamed', { name: reward.name })}>
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          {reward.active && (
            <Tooltip label={t('loyalty.rewards.archive')}>
              <ActionIcon
                variant="subtle"
                color="red"
                loading={archive.isPending}
                onClick={doArchive}
                aria-label={t('loyalty.rewards.archiveNamed', { name: reward.name })}
              >
                <IconArchive size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
