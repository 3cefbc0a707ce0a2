import { returnPolicy, type ReturnPolicy, type ReturnPolicyValue } from '../../../shared/contract/returns';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';

/**
 * The return policy: one JSON value `{ version, policy }` under the
 * `returns.policy` key of the settings table. Absent (never saved): the
 * defaults at version 0. A stored value that no longer validates reads as the
 * defaults too (and says so in the log), so a check never runs on half a policy.
 */
export const RETURN_POLICY_KEY = 'returns.policy';

/** The demo's reasons (src/main/demo/returns.ts stores these codes) in both languages. */
export const DEFAULT_RETURN_REASONS: ReturnPolicyValue['reasons'] = [
  { code: 'does_not_fit', en: 'Does not fit', zh: '尺码不合适', active: true },
  { code: 'damaged_in_transit', en: 'Damaged in transit', zh: '运输途中损坏', active: true },
  { code: 'not_as_described', en: 'Not as described', zh: '与描述不符', active: true },
  { code: 'changed_mind', en: 'Changed my mind', zh: '不想要了', active: true },
  { code: 'wrong_item', en: 'Wrong item sent', zh: '发错商品', active: true },
  { code: 'arrived_late', en: 'Arrived too late', zh: '到货太晚', active: true },
  { code: 'better_price', en: 'Better price elsewhere', zh: '别处价格更低', active: true },
];

export const DEFAULT_RETURN_POLICY: ReturnPolicyValue = {
  windowDays: 30,
  finalSaleCategories: [],
  finalSaleProductIds: [],
  restockingFeeBps: 0,
  returnShipping: 'free',
  returnShippingFeeMinor: 0,
  serialReturnerThreshold: 4,
  reasons: DEFAULT_RETURN_REASONS,
};

interface StoredPolicy { version: number; policy: unknown }

function defaults(): ReturnPolicy {
  return { ...structuredClone(DEFAULT_RETURN_POLICY), version: 0, updatedAt: null };
}

export function readReturnPolicy(sqlite: Sqlite): ReturnPolicy {
  const row = sqlite.prepare<[string], { value: string; updatedAt: string }>(
    'SELECT value, updated_at AS updatedAt FROM settings WHERE key = ?',
  ).get(RETURN_POLICY_KEY);
  if (!row) return defaults();
  let stored: StoredPolicy;
  try {
    stored = JSON.parse(row.value) as StoredPolicy;
  } catch (error) {
    console.warn('[backroom] The stored return policy is not valid JSON; using the defaults.', error);
    return defaults();
  }
  const parsed = returnPolicy.safeParse(stored.policy);
  if (!parsed.success || !Number.isInteger(stored.version)) {
    console.warn('[backroom] The stored return policy no longer validates; using the defaults.');
    return defaults();
  }
  return { ...parsed.data, version: stored.version, updatedAt: row.updatedAt };
}

/**
 * Saves the whole policy when `expectedVersion` is the version the person
 * saw; otherwise CONFLICT with the policy as it is now. Reason codes are
 * unique, since returns store the code and show its label.
 */
export function writeReturnPolicy(sqlite: Sqlite, policy: ReturnPolicyValue, expectedVersion: number, at: Date): ReturnPolicy {
  const codes = new Set<string>();
  for (const reason of policy.reasons) {
    if (codes.has(reason.code)) {
      throw new AppError('VALIDATION', `The reason code "${reason.code}" is used twice; give each reason its own code.`);
    }
    codes.add(reason.code);
  }
  if (!policy.reasons.some((r) => r.active)) {
    throw new AppError('VALIDATION', 'Keep at least one return reason active, so customers can say why they return.');
  }
  const current = readReturnPolicy(sqlite);
  if (current.version !== expectedVersion) {
    throw new AppError('CONFLICT', 'Someone else changed the return policy since you opened it; review their version and save again.',
      { current });
  }
  const value: StoredPolicy = { version: current.version + 1, policy };
  sqlite.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(RETURN_POLICY_KEY, JSON.stringify(value), at.toISOString());
  return readReturnPolicy(sqlite);
}

/** The label of a reason code in a language; an unknown code (an older or synced return) reads as itself. */
export function reasonLabel(policy: ReturnPolicyValue, code: string, language: 'en' | 'zh' = 'en'): string {
  const reason = policy.reasons.find((r) => r.code === code);
  return reason ? reason[language] : code;
}
