import type { ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../../core/handler';
import { isActiveStaff } from '../../domain/audit/log';
import { contentHash, loadStore, storeHoldingFile, type ImportStore } from './files';
import { genericOrdersReader } from './generic';
import { readFile, type FileReading, type FormatReader } from './reading';
import { shopifyOrdersReader } from './shopify';
import { wooOrdersReader } from './woocommerce';

/** What import.preview and import.run both do first: check who asks, find the store, read the file. */
export type ImportInput = ParsedInputOf<'import.run'>;

export interface PreparedImport {
  store: ImportStore | null;
  hash: string;
  /** The store that already holds this exact file, if any. */
  importedInto: number | null;
  reading: FileReading;
}

function readerFor(input: ImportInput): FormatReader {
  switch (input.format) {
    case 'shopify_orders':
      return shopifyOrdersReader;
    case 'woocommerce_orders':
      return wooOrdersReader;
    case 'generic_orders':
      if (!input.mapping || Object.keys(input.mapping.columns).length === 0) {
        throw new AppError('VALIDATION', 'Say which column holds which order field (at least the order number, date and total) before importing this file.');
      }
      return genericOrdersReader(input.mapping.columns);
  }
}

function knownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function prepareImport(input: ImportInput, ctx: HandlerContext): PreparedImport {
  if (!isActiveStaff(ctx.sqlite, input.staffId)) {
    throw new AppError('VALIDATION', `Choose who is importing: there is no active staff member with id ${input.staffId}.`);
  }
  const store = input.storeId === undefined ? null : loadStore(ctx.sqlite, input.storeId);
  if (store && !knownTimeZone(store.timezone)) {
    throw new AppError('VALIDATION', `The store's time zone "${store.timezone}" is not one this computer knows; correct it in the store's settings, then import again.`);
  }
  const hash = contentHash(input.csv);
  const reading = readFile(input.csv, input.format, readerFor(input), {
    timeZone: store?.timezone ?? 'UTC',
    dateOrder: input.mapping?.dateFormat ?? 'iso',
    decimalSeparator: input.mapping?.decimalSeparator ?? '.',
    currency: input.mapping?.currency ?? store?.currency ?? null,
  });
  return { store, hash, importedInto: storeHoldingFile(ctx.sqlite, hash, input.storeId), reading };
}
