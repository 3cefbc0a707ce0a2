import { useSessionStorage } from '@mantine/hooks';
import type { DayBasis, InputOf } from '../../../../../shared/contract';
import type { RangeSelection } from '../../dashboard/DateRangeControl';
import { presetRange, todayUtc, type DateRange } from '../../dashboard/ranges';

export interface LogisticsFilters {
  selection: RangeSelection;
  basis: DayBasis;
  carriers: string[];
  country: string | null;
}

/** The dashboard's choices, kept for the browser tab so coming back finds the same view. */
export function useLogisticsFilters() {
  const today = todayUtc();
  const [filters, setFilters] = useSessionStorage<LogisticsFilters>({
    key: 'backroom.logistics.dashboard',
    defaultValue: {
      selection: { choice: 'last90', custom: presetRange('last90', today) as DateRange },
      basis: 'calendar',
      carriers: [],
      country: null,
    },
  });
  const range = filters.selection.choice === 'custom' ? filters.selection.custom : presetRange(filters.selection.choice, today);
  const input: InputOf<'logistics.kpis'> = {
    compare: true,
    basis: filters.basis,
    ...(range && { range }),
    ...(filters.carriers.length > 0 && { carrier: filters.carriers }),
    ...(filters.country && { country: filters.country }),
  };
  return { filters, setFilters, input, today };
}
