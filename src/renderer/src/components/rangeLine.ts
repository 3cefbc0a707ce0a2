import type { useI18n } from '../i18n';

interface Ends {
  from: string | null;
  to: string | null;
}

/**
 * "Mar 1, 2025 – Mar 30, 2025 · Compared with …", from the range the core
 * actually used (the dashboard, payments and logistics say it the same way).
 */
export function rangeLineText(
  { t, format }: Pick<ReturnType<typeof useI18n>, 't' | 'format'>,
  range: Ends,
  previousRange: Ends | null,
): string {
  if (!range.from || !range.to) return t('range.allTimeNoComparison');
  const current = `${format.date(range.from)} – ${format.date(range.to)}`;
  if (!previousRange?.from || !previousRange.to) return current;
  return `${current} · ${t('range.comparedWith', { from: format.date(previousRange.from), to: format.date(previousRange.to) })}`;
}
