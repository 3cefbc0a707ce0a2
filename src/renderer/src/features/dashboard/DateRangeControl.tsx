import { Group, SegmentedControl, Select } from '@mantine/core';
import { RangePickerInput } from '../../components/RangePickerInput';
import { useT, type MessageKey } from '../../i18n';
import { PRESETS, type DateRange, type RangeChoice } from './ranges';

const LABELS: Record<RangeChoice, MessageKey> = {
  last7: 'range.last7',
  last30: 'range.last30',
  last90: 'range.last90',
  last12m: 'range.last12m',
  all: 'range.all',
  custom: 'range.custom',
};

export interface RangeSelection {
  choice: RangeChoice;
  /** The custom range, kept while a preset is chosen so switching back restores it. */
  custom: DateRange;
}

export function DateRangeControl({
  selection,
  today,
  onChange,
}: {
  selection: RangeSelection;
  today: string;
  onChange: (next: RangeSelection) => void;
}) {
  const t = useT();
  const choices = [...PRESETS, 'custom' as const].map((choice) => ({ value: choice, label: t(LABELS[choice]) }));
  const choose = (value: string | null) => value && onChange({ ...selection, choice: value as RangeChoice });
  return (
    <Group gap="sm" wrap="wrap" justify="flex-end">
      {/* Six segments need a wide window; narrower ones get the same choices as a menu. */}
      <SegmentedControl
        visibleFrom="md"
        aria-label={t('range.label')}
        data-testid="range-presets"
        value={selection.choice}
        onChange={choose}
        data={choices}
      />
      <Select
        hiddenFrom="md"
        aria-label={t('range.label')}
        w={180}
        value={selection.choice}
        onChange={choose}
        data={choices}
        allowDeselect={false}
      />
      {selection.choice === 'custom' && (
        <RangePickerInput
          range={selection.custom}
          today={today}
          label={t('range.pickDates')}
          testId="range-custom"
          onChange={(custom) => onChange({ choice: 'custom', custom })}
        />
      )}
    </Group>
  );
}
