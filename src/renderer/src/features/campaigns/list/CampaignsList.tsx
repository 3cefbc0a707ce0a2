import { Anchor, Badge, Button, Chip, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { CAMPAIGN_STATUSES, type CampaignStatus, type CampaignSummary } from '../../../../../shared/contract';
import { hrefFor, navigate } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { SearchBox } from '../../../components/SearchBox';
import { useI18n } from '../../../i18n';
import { useCampaigns } from '../api';
import { GOAL_LABEL, MECHANIC_LABEL, STATUS_LABEL } from '../labels';
import { campaignsPath } from '../routes';
import { StatusBadge } from '../StatusBadge';
import { dayOf, lastDayOf } from '../window';

/** Every campaign, newest first, narrowed by status chips and a search on the name. */
export function CampaignsList() {
  const { t } = useI18n();
  const [statuses, setStatuses] = useState<CampaignStatus[]>([]);
  const [search, setSearch] = useState<string | undefined>(undefined);
  const list = useCampaigns({ ...(statuses.length > 0 && { status: statuses }), ...(search && { search }) });
  const filtered = statuses.length > 0 || Boolean(search);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Chip.Group multiple value={statuses} onChange={(v) => setStatuses(v as CampaignStatus[])}>
          <Group gap="xs" role="group" aria-label={t('campaigns.list.statusFilter')}>
            {CAMPAIGN_STATUSES.map((s) => (
              <Chip key={s} value={s} size="sm" data-testid={`campaigns-filter-${s}`}>
                {t(STATUS_LABEL[s])}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <SearchBox
          value={search}
          onChange={(v) => setSearch(v.trim() === '' ? undefined : v)}
          label={t('campaigns.list.search')}
          placeholder={t('campaigns.list.searchPlaceholder')}
          clearLabel={t('campaigns.list.clearSearch')}
          testId="campaigns-search"
          maw={280}
        />
      </Group>
      {list.isPending ? (
        <Skeleton height={240} radius="md" />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.campaigns.length === 0 ? (
        <EmptyState filtered={filtered} />
      ) : (
        <CampaignsTable campaigns={list.data.campaigns} stale={list.isPlaceholderData} />
      )}
    </Stack>
  );
}

function EmptyState({ filtered }: { filtered: boolean }) {
  const { t } = useI18n();
  return (
    <Paper withBorder radius="md" p="xl" data-testid="campaigns-empty">
      <Stack align="center" gap="sm" maw={520} mx="auto" ta="center">
        <IconSpeakerphone size={36} stroke={1.4} aria-hidden />
        <Title order={2} fz="lg">{t(filtered ? 'campaigns.list.emptyFilteredTitle' : 'campaigns.list.emptyTitle')}</Title>
        <Text c="dimmed" size="sm">{t(filtered ? 'campaigns.list.emptyFiltered' : 'campaigns.list.emptyBody')}</Text>
        {!filtered && (
          <Button onClick={() => navigate(campaignsPath({ view: 'new' }))}>{t('campaigns.new')}</Button>
        )}
      </Stack>
    </Paper>
  );
}

function CampaignsTable({ campaigns, stale }: { campaigns: CampaignSummary[]; stale: boolean }) {
  const { t, format } = useI18n();
  const audience = (c: CampaignSummary) =>
    c.audienceCount === null
      ? <Text span size="sm" c="dimmed">{t('campaigns.list.notFrozen')}</Text>
      : t('campaigns.list.audienceCounts', { count: format.number(c.audienceCount), treatment: format.number(c.treatmentCount ?? 0), holdout: format.number(c.holdoutCount ?? 0) });
  return (
    <Paper withBorder radius="md" style={{ overflowX: 'auto', opacity: stale ? 0.6 : 1 }}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="campaigns-table" aria-label={t('campaigns.list.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('campaigns.col.name')}</Table.Th>
            <Table.Th>{t('campaigns.col.status')}</Table.Th>
            <Table.Th>{t('campaigns.col.window')}</Table.Th>
            <Table.Th>{t('campaigns.col.audience')}</Table.Th>
            <Table.Th>{t('campaigns.col.holdout')}</Table.Th>
            <Table.Th>{t('campaigns.col.mechanics')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {campaigns.map((c) => (
            <Table.Tr key={c.id} data-testid="campaign-row" data-id={c.id}>
              <Table.Td>
                <Anchor href={hrefFor(campaignsPath({ view: 'detail', id: c.id, tab: 'report' }))} fw={600} size="sm">{c.name}</Anchor>
                <Text size="xs" c="dimmed">{t(GOAL_LABEL[c.goal])}</Text>
              </Table.Td>
              <Table.Td><StatusBadge status={c.status} /></Table.Td>
              <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{t('campaigns.window', { from: format.date(dayOf(c.startsAt)), to: format.date(lastDayOf(c.endsAt)) })}</Text></Table.Td>
              <Table.Td><Text size="sm">{audience(c)}</Text></Table.Td>
              <Table.Td><Text size="sm">{format.percent(c.holdoutPercent / 100)}</Text></Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {c.mechanicKinds.map((kind, i) => <Badge key={`${kind}-${i}`} variant="outline" size="sm">{t(MECHANIC_LABEL[kind])}</Badge>)}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
