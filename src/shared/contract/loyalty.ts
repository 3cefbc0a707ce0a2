import { z } from 'zod';
import { empty } from './common';
import { loyaltySettingsSchema, type LoyaltySettings } from './loyalty-settings';
import { operation } from './operation';

export * from './loyalty-settings';
export * from './loyalty-tiers';

export const LEDGER_ENTRY_KINDS = ['earn', 'bonus', 'redeem', 'expire', 'adjust', 'reverse'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

const customerId = z.number().int().positive();

export const balanceQuery = z.object({ customerId }).strict();

export const historyQuery = z
  .object({
    customerId,
    limit: z.number().int().min(1).max(500).optional(),
    /** An entry id: the page holds entries older than it (keyset pagination). */
    before: z.number().int().positive().optional(),
  })
  .strict();

export const adjustInput = z
  .object({
    customerId,
    points: z
      .number()
      .int({ message: 'must be a whole number' })
      .refine((n) => n !== 0, { message: 'must not be zero' }),
    reason: z.string().trim().min(1, { message: 'is required' }).max(500),
    staffId: z.number().int().positive().optional(),
    /** Lets a retried request post once. */
    idempotencyKey: z.string().min(1).max(200).optional(),
  })
  .strict();

export const redeemInput = z
  .object({
    customerId,
    points: z.number().int({ message: 'must be a whole number' }).positive(),
    idempotencyKey: z.string().min(1).max(200),
  })
  .strict();

export type AdjustInput = z.input<typeof adjustInput>;
export type RedeemInput = z.input<typeof redeemInput>;

export interface PointsBalance {
  customerId: number;
  /** The moment the figures are for (UTC ISO-8601). */
  at: string;
  /** Spendable now. */
  approved: number;
  /** Earned but not yet spendable (an order's pending period). */
  pending: number;
  /** Points refunds took back after they were spent; future earning repays this first. */
  debt: number;
  /** Approved or pending points expiring within 30, 60 and 90 days (each includes the shorter). */
  expiringSoon: { days30: number; days60: number; days90: number };
}

export interface LedgerEntryView {
  id: number;
  type: LedgerEntryKind;
  points: number;
  orderId: number | null;
  reason: string | null;
  staffId: number | null;
  availableAt: string;
  expiresAt: string | null;
  createdAt: string;
  /** Points the customer held (approved, pending or awaiting expiry) after this entry. */
  balanceAfter: number;
  /** Debt after this entry. */
  debtAfter: number;
}

export interface PointsHistory {
  customerId: number;
  /** Newest first. */
  entries: LedgerEntryView[];
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: number | null;
}

export interface LedgerPostingResult {
  entry: LedgerEntryView;
  /** True when the idempotency key had already posted this event: nothing new was written. */
  replayed: boolean;
  balance: PointsBalance;
}

export const loyaltyOperations = {
  'loyalty.balance': operation<PointsBalance>()(
    balanceQuery,
    "A customer's approved, pending and owed points, and what expires soon",
  ),
  'loyalty.history': operation<PointsHistory>()(
    historyQuery,
    "A customer's ledger entries, newest first, with the balance after each",
  ),
  'loyalty.adjust': operation<LedgerPostingResult>()(
    adjustInput,
    'Give or take points by hand, with a reason',
  ),
  'loyalty.redeem': operation<LedgerPostingResult>()(
    redeemInput,
    'Spend approved points, oldest-expiring first',
  ),
  'loyalty.settings.get': operation<LoyaltySettings>()(
    empty,
    'The loyalty program: earning rules, bonus actions, point value and tiers',
  ),
  // Takes the whole program, not a patch: the tier rules span fields, so the
  // form sends what the merchant sees and is checked as one.
  'loyalty.settings.update': operation<LoyaltySettings>()(
    loyaltySettingsSchema,
    'Replace the loyalty program settings; returns what was saved',
  ),
} as const;
