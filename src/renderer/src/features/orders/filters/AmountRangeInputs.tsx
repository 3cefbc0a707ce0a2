import { Group, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { parseMajorToMinor, toMajor } from '../../../../../shared/money';
import { useT } from '../../../i18n';

interface AmountRange {
  minTotalMinor?: number;
  maxTotalMinor?: number;
}

/**
 * The merchant types major units ("25.50"); the filter holds exact minor
 * units. A value applies when the field is left or Enter is pressed, and only
 * when it reads as an amount, so half-typed numbers never start a query.
 */
export function AmountRangeInputs({
  value,
  currency,
  onChange,
}: {
  value: AmountRange;
  currency: string;
  onChange: (range: AmountRange) => void;
}) {
  const t = useT();
  const show = (minor: number | undefined) => (minor === undefined ? '' : String(toMajor(minor, currency)));
  const [minText, setMinText] = useState(show(value.minTotalMinor));
  const [maxText, setMaxText] = useState(show(value.maxTotalMinor));
  useEffect(() => setMinText(show(value.minTotalMinor)), [value.minTotalMinor]);
  useEffect(() => setMaxText(show(value.maxTotalMinor)), [value.maxTotalMinor]);

  const parse = (text: string): number | undefined | null => {
    if (text.trim() === '') return undefined;
    const minor = parseMajorToMinor(text, currency);
    return minor === null || minor < 0 ? null : minor;
  };
  const min = parse(minText);
  const max = parse(maxText);
  const outOfOrder = typeof min === 'number' && typeof max === 'number' && min > max;

  const commit = () => {
    if (min === null || max === null || outOfOrder) return;
    if (min !== value.minTotalMinor || max !== value.maxTotalMinor) onChange({ minTotalMinor: min, maxTotalMinor: max });
  };
  const field = (label: string, text: string, setText: (v: string) => void, error: string | undefined, testId: string) => (
    <TextInput
      w={130}
      aria-label={label}
      placeholder={label}
      inputMode="decimal"
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => event.key === 'Enter' && commit()}
      error={error}
      data-testid={testId}
    />
  );
  return (
    <Group gap={6} align="flex-start" wrap="nowrap">
      {field(t('orders.filter.minTotal'), minText, setMinText, min === null ? t('orders.filter.amountInvalid') : outOfOrder ? t('orders.filter.amountOrder') : undefined, 'orders-filter-min-total')}
      {field(t('orders.filter.maxTotal'), maxText, setMaxText, max === null ? t('orders.filter.amountInvalid') : undefined, 'orders-filter-max-total')}
    </Group>
  );
}
