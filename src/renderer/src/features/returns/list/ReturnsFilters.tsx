import { Group, MultiSelect, SegmentedControl, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { RETURN_STATUSES, type ReturnStatus } from '../../../../../shared/contract/returns';
import { useT } from '../../../i18n';
import { statusKey } from '../labels';

export interface ReturnsFilter {
  search: string;
  status: ReturnStatus[];
  flagged: 'all' | 'flagged' | 'clean';
}

export const EMPTY_FILTER: ReturnsFilter = { search: '', status: [], flagged: 'all' };

export function ReturnsFilters({ filter, onChange }: { filter: ReturnsFilter; onChange: (filter: ReturnsFilter) => void }) {
  const t = useT();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label={t('returns.filter.search')}
        placeholder={t('returns.filter.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={filter.search}
        onChange={(event) => onChange({ ...filter, search: event.currentTarget.value })}
        w={300}
        data-testid="returns-search"
      />
      <MultiSelect
        label={t('returns.filter.status')}
        placeholder={filter.status.length === 0 ? t('returns.filter.anyStatus') : undefined}
        data={RETURN_STATUSES.map((status) => ({ value: status, label: t(statusKey(status)) }))}
        value={filter.status}
        onChange={(status) => onChange({ ...filter, status: status as ReturnStatus[] })}
        clearable
        w={320}
        data-testid="returns-status-filter"
      />
      <SegmentedControl
        aria-label={t('returns.filter.flagged')}
        value={filter.flagged}
        onChange={(flagged) => onChange({ ...filter, flagged: flagged as ReturnsFilter['flagged'] })}
        data={[
          { value: 'all', label: t('returns.filter.flagged.all') },
          { value: 'flagged', label: t('returns.filter.flagged.flagged') },
          { value: 'clean', label: t('returns.filter.flagged.clean') },
        ]}
        data-testid="returns-flagged-filter"
      />
    </Group>
  );
}
