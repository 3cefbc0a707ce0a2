import { Button, Group, Stack, Text } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { FeedbackItem } from '../../../../../shared/contract';
import { navigate } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useKeysetPages, VirtualTable } from '../../../components/table';
import { useI18n } from '../../../i18n';
import { feedbackTabPath } from '../routes';
import { AddFeedbackModal } from './AddFeedbackModal';
import { inboxColumns } from './columns';
import { FeedbackDrawer } from './FeedbackDrawer';
import { FeedbackFilters, type InboxFilter } from './FeedbackFilters';

/** The inbox: every review, rating and survey answer, newest first, filtered; an item opens in a drawer. */
export function FeedbackInbox() {
  const { t, format } = useI18n();
  const [filter, setFilter] = useState<InboxFilter>({});
  const [open, setOpen] = useState<FeedbackItem | null>(null);
  const [adding, setAdding] = useState(false);
  const { product, ...rest } = filter;
  const pages = useKeysetPages('feedback.list', { ...rest, ...(product ? { productId: product.id } : {}), limit: 100 });
  const columns = useMemo(() => inboxColumns(t, format), [t, format]);
  // The drawer shows the freshest copy of the open item once the list refetches after a save.
  const openItem = open ? (pages.rows.find((r) => r.id === open.id) ?? open) : null;
  const filtered = Object.values(filter).some((v) => v !== undefined);

  const empty = filtered ? (
    <Stack align="center" gap="xs" data-testid="feedback-empty-filtered">
      <Text>{t('feedback.empty.filtered')}</Text>
      <Button variant="subtle" onClick={() => setFilter({})}>{t('feedback.filter.clear')}</Button>
    </Stack>
  ) : (
    <Stack align="center" gap="xs" data-testid="feedback-empty">
      <Text fw={600}>{t('feedback.empty.title')}</Text>
      <Text c="dimmed" size="sm">{t('feedback.empty.body')}</Text>
      <Group>
        <Button leftSection={<IconFileImport size={16} />} onClick={() => navigate(feedbackTabPath('import'))}>{t('feedback.import.cta')}</Button>
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{t('feedback.add.cta')}</Button>
      </Group>
    </Stack>
  );

  return (
    <>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <FeedbackFilters filter={filter} onChange={setFilter} />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} mb="sm" data-testid="feedback-add">
          {t('feedback.add.cta')}
        </Button>
      </Group>
      {pages.isError ? (
        <QueryError error={pages.error} onRetry={pages.refetch} />
      ) : (
        <div>
          <VirtualTable
            columns={columns}
            rows={pages.rows}
            rowKey={(r) => r.id}
            // The header, tabs and filter bar above take about 330px; the table fills the rest.
            height="max(320px, calc(100vh - 330px))"
            hasMore={pages.hasMore}
            loadingMore={pages.loadingMore}
            onLoadMore={pages.loadMore}
            onRowOpen={(row) => setOpen(row)}
            loading={pages.loading}
            empty={empty}
            aria-label={t('feedback.inbox.label')}
            testId="feedback-table"
            selectedKey={open?.id ?? null}
            rowHeight={44}
          />
        </div>
      )}
      <FeedbackDrawer
        item={openItem}
        onClose={() => setOpen(null)}
        onFilterProduct={(p) => {
          setFilter({ ...filter, product: p });
          setOpen(null);
        }}
      />
      <AddFeedbackModal opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}
