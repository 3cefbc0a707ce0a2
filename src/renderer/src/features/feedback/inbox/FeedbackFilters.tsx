import { Button, Group, MultiSelect, Pill, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import {
  FEEDBACK_SOURCES, FEEDBACK_STATUSES, SENTIMENTS, type FeedbackSource, type FeedbackStatus, type Sentiment,
} from '../../../../../shared/contract';
import { useT } from '../../../i18n';
import { useTopicRules } from '../api';
import { sentimentLabel, sourceLabel, statusLabel, topicLabel } from '../labels';

export interface InboxFilter {
  source?: FeedbackSource[];
  sentiment?: Sentiment[];
  status?: FeedbackStatus[];
  topic?: string;
  product?: { id: number; title: string };
  search?: string;
}

const nonEmpty = <T,>(values: T[]) => (values.length > 0 ? values : undefined);

/** The inbox's filter bar; the product filter is set from an item ("Only this product") and shown as a pill. */
export function FeedbackFilters({ filter, onChange }: { filter: InboxFilter; onChange: (next: InboxFilter) => void }) {
  const t = useT();
  const topics = useTopicRules().data?.rules.map((r) => r.topic) ?? [];
  const [search, setSearch] = useState(filter.search ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  useEffect(() => {
    if ((filter.search ?? '') !== debounced) onChange({ ...filter, search: debounced || undefined });
    // Only the debounced text starts a new query.
  }, [debounced]);
  const active = Object.values(filter).some((v) => v !== undefined);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="sm" data-testid="feedback-filters">
      <TextInput
        label={t('feedback.filter.search')}
        placeholder={t('feedback.filter.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={220}
        data-testid="feedback-search"
      />
      <MultiSelect
        label={t('feedback.filter.source')}
        data={FEEDBACK_SOURCES.map((s) => ({ value: s, label: sourceLabel(t, s) }))}
        value={filter.source ?? []}
        onChange={(v) => onChange({ ...filter, source: nonEmpty(v as FeedbackSource[]) })}
        placeholder={t('feedback.filter.any')}
        clearable
        w={180}
      />
      <MultiSelect
        label={t('feedback.filter.sentiment')}
        data={SENTIMENTS.map((s) => ({ value: s, label: sentimentLabel(t, s) }))}
        value={filter.sentiment ?? []}
        onChange={(v) => onChange({ ...filter, sentiment: nonEmpty(v as Sentiment[]) })}
        placeholder={t('feedback.filter.any')}
        clearable
        w={180}
        data-testid="feedback-filter-sentiment"
      />
      <Select
        label={t('feedback.filter.topic')}
        data={topics.map((topic) => ({ value: topic, label: topicLabel(t, topic) }))}
        value={filter.topic ?? null}
        onChange={(v) => onChange({ ...filter, topic: v ?? undefined })}
        placeholder={t('feedback.filter.any')}
        clearable
        searchable
        w={160}
      />
      <MultiSelect
        label={t('feedback.filter.status')}
        data={FEEDBACK_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
        value={filter.status ?? []}
        onChange={(v) => onChange({ ...filter, status: nonEmpty(v as FeedbackStatus[]) })}
        placeholder={t('feedback.filter.any')}
        clearable
        w={180}
      />
      {filter.product && (
        <Pill size="lg" withRemoveButton onRemove={() => onChange({ ...filter, product: undefined })} removeButtonProps={{ 'aria-label': t('feedback.filter.clearProduct') }}>
          {t('feedback.filter.product', { product: filter.product.title })}
        </Pill>
      )}
      {active && (
        <Button variant="subtle" onClick={() => { setSearch(''); onChange({}); }}>
          {t('feedback.filter.clear')}
        </Button>
      )}
    </Group>
  );
}
