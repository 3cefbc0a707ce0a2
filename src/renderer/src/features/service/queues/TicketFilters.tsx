import { ActionIcon, Button, Group, Paper, Select, TagsInput, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_SORT_KEYS, TICKET_STATUSES, type TicketSortKey } from '../../../../../shared/contract';
import { useT } from '../../../i18n';
import { MultiFilter } from '../../orders/filters/MultiFilter';
import { useStaffList } from '../api';
import { channelLabel, priorityLabel, statusLabel } from '../labels';
import { activeTicketFilters, type TicketFilterState, type TicketsQuery } from './query';

/** Status, priority, channel, assignee, tag and words; and the order of the list. */
export function TicketFilters({ query, onChange }: { query: TicketsQuery; onChange: (query: TicketsQuery) => void }) {
  const t = useT();
  const staff = useStaffList().data ?? [];
  const { filter, sort } = query;
  const set = <K extends keyof TicketFilterState>(key: K, value: TicketFilterState[K]) =>
    onChange({ ...query, filter: { ...filter, [key]: value } });
  const active = activeTicketFilters(filter);
  const multi = (key: 'status' | 'priority' | 'channel', label: string, codes: readonly string[], labelOf: (code: string) => string) => (
    <MultiFilter
      label={label}
      options={codes.map((code) => ({ value: code, label: labelOf(code) }))}
      value={(filter[key] as string[] | undefined) ?? []}
      onChange={(values) => set(key, values as never)}
      testId={`tickets-filter-${key}`}
    />
  );
  return (
    <Paper withBorder radius="md" p="sm" mb="sm" data-testid="tickets-filters">
      <Group gap="sm" wrap="wrap" align="flex-start">
        <SearchBox value={filter.search} onChange={(search) => set('search', search || undefined)} />
        {multi('status', t('service.filter.status'), TICKET_STATUSES, (c) => statusLabel(t, c))}
        {multi('priority', t('service.filter.priority'), TICKET_PRIORITIES, (c) => priorityLabel(t, c))}
        {multi('channel', t('service.filter.channel'), TICKET_CHANNELS, (c) => channelLabel(t, c))}
        <MultiFilter
          label={t('service.filter.assignee')}
          options={[{ value: 'none', label: t('service.unassigned') }, ...staff.map((s) => ({ value: String(s.id), label: s.name }))]}
          value={filter.assignee ?? []}
          onChange={(values) => set('assignee', values)}
          testId="tickets-filter-assignee"
        />
        <TagsInput
          w={200}
          aria-label={t('service.filter.tag')}
          placeholder={filter.tag?.length ? undefined : t('service.filter.tag')}
          value={filter.tag ?? []}
          onChange={(tags) => set('tag', tags)}
          maxTags={10}
          clearable
          data-testid="tickets-filter-tag"
        />
        <Group gap={4} wrap="nowrap">
          <Select
            w={170}
            aria-label={t('service.sort.label')}
            data={TICKET_SORT_KEYS.map((key) => ({ value: key, label: t(`service.sort.${key}`) }))}
            value={sort.by}
            allowDeselect={false}
            onChange={(by) => by && onChange({ ...query, sort: { ...sort, by: by as TicketSortKey } })}
            data-testid="tickets-sort"
          />
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={sort.direction === 'asc' ? t('service.sort.asc') : t('service.sort.desc')}
            title={sort.direction === 'asc' ? t('service.sort.asc') : t('service.sort.desc')}
            onClick={() => onChange({ ...query, sort: { ...sort, direction: sort.direction === 'asc' ? 'desc' : 'asc' } })}
            data-testid="tickets-sort-direction"
          >
            {sort.direction === 'asc' ? <IconSortAscending size={18} /> : <IconSortDescending size={18} />}
          </ActionIcon>
        </Group>
        {active > 0 && (
          <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={() => onChange({ ...query, filter: {} })} data-testid="tickets-filters-clear">
            {t('service.filter.clear', { count: active })}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** Waits for a pause in typing before searching; Enter searches at once. */
function SearchBox({ value, onChange }: { value: string | undefined; onChange: (search: string) => void }) {
  const t = useT();
  const [text, setText] = useState(value ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => {
    if ((value ?? '') !== debounced.trim()) onChange(debounced.trim());
  }, [debounced]);
  useEffect(() => {
    if ((value ?? '') !== text.trim()) setText(value ?? '');
  }, [value]);
  return (
    <TextInput
      style={{ flex: '1 1 200px' }}
      maw={340}
      aria-label={t('service.filter.search')}
      placeholder={t('service.filter.searchPlaceholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      maxLength={100}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => event.key === 'Enter' && onChange(text.trim())}
      data-testid="tickets-search"
    />
  );
}
