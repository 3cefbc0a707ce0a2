import { rewardSaveInput, type RewardKind, type RewardSaveInput, type RewardView } from '../../../../../shared/contract';
import { minorUnitDigits, parseMajorToMinor, toMajor } from '../../../../../shared/money';
import type { Translate } from '../../../i18n';
import { formErrors, zodIssues, type FieldIssue } from '../issues';

/**
 * The reward form edits money in major units ("5.00") as people type it; the
 * contract takes minor units. Empty number inputs are '' until sent.
 */
export interface RewardFormValues {
  id?: number;
  name: string;
  kind: RewardKind;
  pointsCost: number | string;
  value: number | string;
  percent: number | string;
  productId: number | string;
  minOrder: number | string;
  limitPerCustomer: number | string;
  active: boolean;
}

export const EMPTY_REWARD: RewardFormValues = {
  name: '',
  kind: 'fixed_amount',
  pointsCost: '',
  value: '',
  percent: '',
  productId: '',
  minOrder: 0,
  limitPerCustomer: '',
  active: true,
};

export function rewardToForm(reward: RewardView, currency: string): RewardFormValues {
  return {
    id: reward.id,
    name: reward.name,
    kind: reward.kind,
    pointsCost: reward.pointsCost,
    value: reward.valueMinor === null ? '' : toMajor(reward.valueMinor, currency),
    percent: reward.percent ?? '',
    productId: reward.productId ?? '',
    minOrder: toMajor(reward.minOrderMinor, currency),
    limitPerCustomer: reward.limitPerCustomer ?? '',
    active: reward.active,
  };
}

const number = (value: number | string): number => (value === '' ? Number.NaN : Number(value));
const minor = (value: number | string, currency: string): number =>
  value === '' ? Number.NaN : (parseMajorToMinor(String(value), currency) ?? Number.NaN);

/** What is sent: only the value field the kind uses, the others null (the contract requires it). */
export function formToInput(values: RewardFormValues, currency: string): RewardSaveInput {
  return {
    ...(values.id !== undefined && { id: values.id }),
    name: values.name,
    kind: values.kind,
    pointsCost: number(values.pointsCost),
    valueMinor: values.kind === 'fixed_amount' ? minor(values.value, currency) : null,
    percent: values.kind === 'percent' ? number(values.percent) : null,
    productId: values.kind === 'gift_product' ? number(values.productId) : null,
    minOrderMinor: values.minOrder === '' ? 0 : minor(values.minOrder, currency),
    limitPerCustomer: values.limitPerCustomer === '' ? null : number(values.limitPerCustomer),
    active: values.active,
  };
}

/** Contract paths to form fields: the form calls valueMinor "value" and minOrderMinor "minOrder". */
const FIELD_OF: Record<string, keyof RewardFormValues> = { valueMinor: 'value', minOrderMinor: 'minOrder' };

export function rewardFieldErrors(t: Translate, issues: FieldIssue[], label: (field: string) => string) {
  const mapped = issues.map((issue) => ({ ...issue, path: FIELD_OF[issue.path] ?? issue.path }));
  return formErrors(t, mapped, label);
}

export function validateReward(values: RewardFormValues, currency: string, t: Translate, label: (field: string) => string) {
  const parsed = rewardSaveInput.safeParse(formToInput(values, currency));
  return parsed.success ? {} : rewardFieldErrors(t, zodIssues(parsed.error), label);
}

/** The step of a money input: one minor unit. */
export const moneyScale = (currency: string): number => minorUnitDigits(currency);
