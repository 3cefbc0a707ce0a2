import { Group, Select } from '@mantine/core';
import { useSessionStorage } from '@mantine/hooks';
import { useState } from 'react';
import { useT } from '../../i18n';
import { DateRangeControl, type RangeSelection } from './DateRangeControl';
import { presetRange, todayUtc, type DateRange } from './ranges';

/**
 * The date range (kept for the session under `storageKey`, last 30 days at
 * first) and the currency a money page shows; the Dashboard and Payments read
 * their figures through the same pair of controls.
 */
export function useRangeAndCurrency(storageKey: string) {
  const today = todayUtc();
  const [selection, setSelection] = useSessionStorage<RangeSelection>({
    key: storageKey,
    defaultValue: { choice: 'last30', custom: presetRange('last30', today) as DateRange },
  });
  const [currency, setCurrency] = useState<string | null>(null);
  const range = selection.choice === 'custom' ? selection.custom : presetRange(selection.choice, today);
  return { today, selection, setSelection, range, currency, setCurrency };
}

export function RangeAndCurrencyControls({ state, currencies, shownCurrency, currencyTestId }: {
  state: ReturnType<typeof useRangeAndCurrency>;
  /** The currencies the store has (the selector shows only when there are several). */
  currencies: readonly string[] | undefined;
  shownCurrency: string | undefined;
  currencyTestId?: string;
}) {
  const t = useT();
  return (
    <Group gap="sm" wrap="wrap" justify="flex-end">
      <DateRangeControl selection={state.selection} today={state.today} onChange={state.setSelection} />
      {currencies && currencies.length > 1 && (
        <Select
          aria-label={t('range.currency')}
          w={110}
          data={[...currencies]}
          value={state.currency ?? shownCurrency ?? null}
          onChange={state.setCurrency}
          allowDeselect={false}
          data-testid={currencyTestId}
        />
      )}
    </Group>
  );
}
