import type { ImportPreview } from '../../../shared/contract/sync';
import type { HandlerContext } from '../../core/handler';
import { prepareImport, type ImportInput } from './prepare';

/** How many of the file's first rows the preview shows as they would import. */
export const PREVIEW_ROWS = 20;

/** `import.preview`: the whole file read and checked; nothing written. */
export function previewImport(input: ImportInput, ctx: HandlerContext): ImportPreview {
  const { reading, importedInto } = prepareImport(input, ctx);
  const rows: ImportPreview['rows'] = [];
  for (let number = 2; number < 2 + Math.min(PREVIEW_ROWS, reading.dataRows); number += 1) {
    const outcome = reading.outcomes.get(number);
    const entry = outcome?.order != null ? reading.orders[outcome.order] : undefined;
    rows.push({
      row: number,
      order: entry
        ? {
          number: entry.order.orderNumber, placedAt: entry.order.placedAt, totalMinor: entry.order.totalMinor,
          currency: entry.order.currency, lines: entry.order.lines.length,
        }
        : null,
      problem: outcome?.problem ?? null,
    });
  }
  return {
    format: reading.format,
    columns: reading.columns,
    rows,
    orders: reading.orders.length,
    problems: reading.problems,
    alreadyImported: importedInto !== null,
  };
}
