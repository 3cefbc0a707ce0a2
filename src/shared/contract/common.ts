import { z } from 'zod';
import { isValidIsoDate } from '../dates';

export const isoDate = z
  .string()
  .refine(isValidIsoDate, { message: 'must be a calendar date written YYYY-MM-DD' });

export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO 4217 code such as USD' });

export const storeId = z.number().int().positive();

/** A UTC date range, both ends inclusive; absent ends mean "from the first" / "to the last". */
export const dateRange = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine((r) => !r.from || !r.to || r.from <= r.to, {
    message: 'the start date must not be after the end date',
    path: ['from'],
  });

export const empty = z.object({}).strict();
