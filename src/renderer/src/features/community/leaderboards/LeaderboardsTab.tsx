import { Anchor, Badge, Button, Group, Paper, Select, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconAward } from '@tabler/icons-react';
import { useState } from 'react';
import { LEADERBOARDS, type LeaderboardName } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { RangePickerInput } from '../../../components/RangePickerInput';
import { useI18n } from '../../../i18n';
import { pathForCustomer } from '../../customers/routes';
import { useGroups, useLeaderboard } from '../api';
import { boardLabel } from '../labels';
import { AwardModal } from './AwardModal';
import { PERIOD_PRESETS, presetPeriod, todayUtc, type Period, type PeriodPreset } from './periods';

/** Who led a board in a period (optionally within one group), and the award that honours the top of it. */
export function LeaderboardsTab() {
  const { t, format, locale } = useI18n();
  const today = todayUtc();
  const [board, setBoard] = useState<LeaderboardName>('points');
  const [preset, setPreset] = useState<PeriodPreset>('thisMonth');
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisMonth', today));
  const [groupId, setGroupId] = useState<number | undefined>(undefined);
  const [awarding, setAwarding] = useState(false);
  const groups = useGroups();
  const input = { board, ...period, limit: 20, ...(groupId !== undefined && { groupId }) };
  const leaderboard = useLeaderboard(input);

  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          aria-label={t('community.boards.board')}
          value={board}
          onChange={(v) => setBoard(v as LeaderboardName)}
          data={LEADERBOARDS.map((b) => ({ value: b, label: t(boardLabel(b)) }))}
          data-testid="board-picker"
        />
        <SegmentedControl
          aria-label={t('community.boards.period')}
          value={preset}
          onChange={(v) => {
            const next = v as PeriodPreset;
            setPreset(next);
            if (next !== 'custom') setPeriod(presetPeriod(next, today));
          }}
          data={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`community.period.${p}`) }))}
          data-testid="board-period"
        />
        {preset === 'custom' && (
          <RangePickerInput range={period} today={today} onChange={setPeriod} label={t('community.boards.pickDates')}
            testId="board-custom" />
        )}
        <Select
          aria-label={t('community.boards.group')}
          placeholder={t('community.boards.allCustomers')}
          clearable
          data={(groups.data?.groups ?? []).map((g) => ({ value: String(g.id), label: g.name }))}
          value={groupId === undefined ? null : String(groupId)}
          onChange={(v) => setGroupId(v ? Number(v) : undefined)}
          w={220}
          data-testid="board-group"
        />
        <Button ml="auto" leftSection={<IconAward size={16} />} onClick={() => setAwarding(true)} disabled={!leaderboard.data?.rows.length} data-testid="board-award">
          {t('community.award.open')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" data-testid="board-range" data-from={period.from} data-to={period.to}>
        {t('community.boards.range', { from: format.date(period.from), to: format.date(period.to) })}
      </Text>
      {leaderboard.isPending ? (
        <Skeleton height={240} />
      ) : leaderboard.isError ? (
        <QueryError error={leaderboard.error} onRetry={() => void leaderboard.refetch()} />
      ) : (
        <Paper withBorder radius="md" p="md">
          <Text size="sm" mb="sm" data-testid="board-definition">
            {locale === 'en' ? leaderboard.data.definition : t(`community.board.${board}.definition`)}
          </Text>
          {leaderboard.data.rows.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="board-empty">{t('community.boards.empty')}</Text>
          ) : (
            <Table verticalSpacing={6} highlightOnHover data-testid="board-table" aria-label={t(boardLabel(board))} style={{ opacity: leaderboard.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('community.boards.rank')}</Table.Th>
                  <Table.Th>{t('community.members.name')}</Table.Th>
                  <Table.Th ta="right">{t(`community.board.${board}.score`)}</Table.Th>
                  <Table.Th>{t('community.boards.honour')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {leaderboard.data.rows.map((row) => (
                  <Table.Tr key={row.customerId} data-testid="board-row" data-customer-id={row.customerId} data-honoured={row.honoured}>
                    <Table.Td fw={600}>{row.rank}</Table.Td>
                    <Table.Td><Anchor href={hrefFor(pathForCustomer(row.customerId))} size="sm">{row.name ?? t('community.unnamed', { id: row.customerId })}</Anchor></Table.Td>
                    <Table.Td ta="right">{format.number(row.score)}</Table.Td>
                    <Table.Td>{row.honoured && <Badge variant="light" color="yellow" tt="none" leftSection={<IconAward size={12} />}>{t('community.boards.honoured')}</Badge>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
      <AwardModal opened={awarding} onClose={() => setAwarding(false)} board={board} period={period} groupId={groupId} ranked={leaderboard.data?.rows.length ?? 0} />
    </Stack>
  );
}
