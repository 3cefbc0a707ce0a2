import { Button, EmptyState, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import type { DuplicateGroup } from '../../../../../shared/contract';
import { QueryError } from '../../../components/QueryError';
import { useT } from '../../../i18n';
import { useDuplicateGroups } from '../api';
import { DuplicateGroupCard } from './DuplicateGroupCard';
import { MergeModal } from './MergeModal';

export interface MergePlan {
  group: DuplicateGroup;
  targetId: number;
}

/** Likely duplicates (same email or phone, across stores), and the merge that folds them into one customer. */
export function DuplicatesTab() {
  const t = useT();
  const groups = useDuplicateGroups();
  const [plan, setPlan] = useState<MergePlan | null>(null);
  const all = groups.data?.pages.flatMap((page) => page.groups) ?? [];

  return (
    <Stack gap="md" data-testid="duplicates-tab">
      <Text size="sm" c="dimmed" maw={820}>
        {t('customers.duplicates.intro')}
      </Text>
      {groups.isPending && (
        <Stack gap="md" data-testid="duplicates-loading">
          <Skeleton height={180} />
          <Skeleton height={180} />
        </Stack>
      )}
      {groups.isError && <QueryError error={groups.error} onRetry={() => void groups.refetch()} />}
      {groups.isSuccess && all.length === 0 && (
        <Paper withBorder p="xl" data-testid="duplicates-empty">
          <EmptyState icon={<IconUsersGroup size={28} />} variant="light" description={t('customers.duplicates.none')} />
        </Paper>
      )}
      {all.map((group) => (
        <DuplicateGroupCard
          key={`${group.matchedBy}:${group.key}`}
          group={group}
          onMergeInto={(targetId) => setPlan({ group, targetId })}
        />
      ))}
      {groups.hasNextPage && (
        <Button
          variant="default"
          loading={groups.isFetchingNextPage}
          onClick={() => void groups.fetchNextPage()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('customers.duplicates.loadMore')}
        </Button>
      )}
      {plan && <MergeModal plan={plan} onClose={() => setPlan(null)} />}
    </Stack>
  );
}
