import { NumberInput, type NumberInputProps } from '@mantine/core';
import { minorUnitDigits, parseMajorToMinor, toMajor } from '../../../../../shared/money';

/*
 * Number inputs over the contract's numbers: an emptied input is NaN in the
 * value (so the schema names the field), shown empty; money is typed in major
 * units and kept in minor units.
 */
const shown = (value: number | null): number | string => (value === null || Number.isNaN(value) ? '' : value);
const taken = (value: number | string): number => (typeof value === 'number' ? value : value === '' ? Number.NaN : Number(value));

type Base = Omit<NumberInputProps, 'value' | 'onChange'>;

export function CountInput({ value, onChange, ...props }: Base & { value: number | null; onChange: (value: number) => void }) {
  return <NumberInput allowNegative={false} thousandSeparator {...props} value={shown(value)} onChange={(v) => onChange(taken(v))} />;
}

/** Empty means null (the contract's "none"), e.g. "valid until the campaign ends". */
export function OptionalCountInput({ value, onChange, ...props }: Base & { value: number | null; onChange: (value: number | null) => void }) {
  return (
    <NumberInput allowNegative={false} {...props} value={shown(value)} onChange={(v) => onChange(v === '' ? null : taken(v))} />
  );
}

export function MoneyInput({ value, onChange, currency, ...props }: Base & { value: number | null; onChange: (minor: number) => void; currency: string }) {
  return (
    <NumberInput
      allowNegative={false}
      decimalScale={minorUnitDigits(currency)}
      leftSection={currency}
      leftSectionWidth={52}
      thousandSeparator
      {...props}
      value={value === null || Number.isNaN(value) ? '' : toMajor(value, currency)}
      onChange={(v) => onChange(v === '' ? Number.NaN : (parseMajorToMinor(String(v), currency) ?? Number.NaN))}
    />
  );
}
