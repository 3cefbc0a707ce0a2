import { missing, orNull, type LineDraft } from './assemble';
import { onRow, type ReadOptions } from './reading';
import type { CsvRow } from './table';
import { readMoney, readQuantity } from './values';

/** Where one format keeps a line item, and how its sentences name those columns. */
export interface LineColumns {
  title: string;
  sku: string;
  quantity: string;
  /** The line's total after its discount. */
  total: string;
  /** The unit price before discounts. */
  unitPrice: string;
  labels: { quantity: string; total: string; unitPrice: string; noTitle: string; noPrice: string };
}

/**
 * A line item from a row, or null when the row carries none (an order's
 * extra rows). Some exports give only the line total: the unit price is then
 * that total per item, and a total below quantity × price is the discount.
 */
export function readLineColumns(
  row: CsvRow, columns: LineColumns, currency: string, separator: ReadOptions['decimalSeparator'],
): LineDraft | null {
  if (row.get(columns.title) === '' && row.get(columns.sku) === '' && row.get(columns.quantity) === '') return null;
  return onRow(row, () => {
    const quantity = readQuantity(row.get(columns.quantity) || '1', columns.labels.quantity);
    const total = readMoney(row.get(columns.total), currency, separator, columns.labels.total);
    const price = readMoney(row.get(columns.unitPrice), currency, separator, columns.labels.unitPrice);
    const unitPriceMinor = price ?? (total !== null ? Math.round(total / quantity) : missing(columns.labels.noPrice));
    return {
      title: row.get(columns.title) || row.get(columns.sku) || missing(columns.labels.noTitle),
      sku: orNull(row.get(columns.sku)),
      quantity,
      unitPriceMinor,
      discountMinor: total !== null ? Math.max(0, quantity * unitPriceMinor - total) : 0,
      totalMinor: total,
    };
  });
}
