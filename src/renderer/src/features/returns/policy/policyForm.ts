import type { ReturnPolicy, ReturnPolicyValue } from '../../../../../shared/contract/returns';
import { minorUnitDigits, parseMajorToMinor } from '../../../../../shared/money';

/** The policy as the form edits it: money and percentages as typed, ids and categories as tags. */
export interface PolicyForm {
  windowDays: number;
  finalSaleCategories: string[];
  finalSaleProductIds: string[];
  restockingPercent: number;
  returnShipping: 'free' | 'paid';
  returnShippingFee: string;
  serialReturnerThreshold: number;
  reasons: ReturnPolicyValue['reasons'];
}

export function toForm(policy: ReturnPolicy, currency: string): PolicyForm {
  const digits = minorUnitDigits(currency);
  return {
    windowDays: policy.windowDays,
    finalSaleCategories: policy.finalSaleCategories,
    finalSaleProductIds: policy.finalSaleProductIds.map(String),
    restockingPercent: policy.restockingFeeBps / 100,
    returnShipping: policy.returnShipping,
    returnShippingFee: (policy.returnShippingFeeMinor / 10 ** digits).toFixed(digits),
    serialReturnerThreshold: policy.serialReturnerThreshold,
    reasons: policy.reasons.map((r) => ({ ...r })),
  };
}

export type FormProblem = 'fee' | 'productIds' | 'reasonCode' | 'reasonLabel' | 'duplicateCode' | 'noActiveReason';

/** The policy to save, or what is wrong with the form first. */
export function fromForm(form: PolicyForm, currency: string): { policy: ReturnPolicyValue } | { problem: FormProblem } {
  const fee = parseMajorToMinor(form.returnShippingFee || '0', currency);
  if (fee === null || fee < 0) return { problem: 'fee' };
  const ids = form.finalSaleProductIds.map((id) => Number(id.trim().replace(/^#/, '')));
  if (ids.some((id) => !Number.isInteger(id) || id <= 0)) return { problem: 'productIds' };
  if (form.reasons.some((r) => !/^[a-z0-9_]{1,40}$/.test(r.code))) return { problem: 'reasonCode' };
  if (form.reasons.some((r) => r.en.trim() === '' || r.zh.trim() === '')) return { problem: 'reasonLabel' };
  if (new Set(form.reasons.map((r) => r.code)).size !== form.reasons.length) return { problem: 'duplicateCode' };
  if (!form.reasons.some((r) => r.active)) return { problem: 'noActiveReason' };
  return {
    policy: {
      windowDays: form.windowDays,
      finalSaleCategories: form.finalSaleCategories.map((c) => c.trim()).filter(Boolean),
      finalSaleProductIds: [...new Set(ids)],
      restockingFeeBps: Math.round(form.restockingPercent * 100),
      returnShipping: form.returnShipping,
      returnShippingFeeMinor: form.returnShipping === 'paid' ? fee : 0,
      serialReturnerThreshold: form.serialReturnerThreshold,
      reasons: form.reasons.map((r) => ({ ...r, en: r.en.trim(), zh: r.zh.trim() })),
    },
  };
}

/** A code from an English label: "Arrived broken" → "arrived_broken". */
export const codeFromLabel = (label: string): string =>
  label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
