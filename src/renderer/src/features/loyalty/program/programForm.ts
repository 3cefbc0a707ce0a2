import {
  BONUS_ACTIONS,
  loyaltySettingsSchema,
  type BonusAction,
  type EarningBasis,
  type ExpiryMode,
  type LoyaltySettings,
  type LoyaltySettingsInput,
  type PendingMode,
  type RfmSegment,
} from '../../../../../shared/contract';
import { minorUnitDigits } from '../../../../../shared/money';
import type { MessageKey, Translate } from '../../../i18n';
import { formErrors, zodIssues, type FieldIssue } from '../issues';

/**
 * The program as the editor holds it. Number inputs are '' while empty;
 * spend thresholds are typed in major units ("500.00"), the program stores
 * minor units; rows carry a `key` of their own so React keeps focus on the
 * right row while rows move. The contract's schema checks what is sent.
 */
type Num = number | string;

export interface TierRow {
  key: string;
  id: string;
  name: string;
  threshold: Num;
  multiplier: Num;
  benefits: string;
}

export interface CampaignRow {
  key: string;
  id: string;
  name: string;
  multiplier: Num;
  startsOn: string | null;
  endsOn: string | null;
  segment: RfmSegment | null;
}

export interface ProgramFormValues {
  enabled: boolean;
  earning: {
    pointsPerCurrencyUnit: Num;
    basis: EarningBasis;
    pendingMode: PendingMode;
    pendingDays: Num;
    returnWindowDays: Num;
    expiryMode: ExpiryMode;
    /** '' means the points never expire. */
    lotLifetimeMonths: Num;
    inactivityMonths: Num;
  };
  bonusActions: Record<BonusAction, Num>;
  pointValueMinor: Num;
  tierBasis: LoyaltySettings['tierBasis'];
  tierPeriod: LoyaltySettings['tierPeriod'];
  tiers: TierRow[];
  campaigns: CampaignRow[];
}

let rowCounter = 0;
export const rowKey = (): string => `row-${++rowCounter}`;

const spendScale = (currency: string) => 10 ** minorUnitDigits(currency);

export function settingsToForm(settings: LoyaltySettings, currency: string): ProgramFormValues {
  const scale = settings.tierBasis === 'spend' ? spendScale(currency) : 1;
  return {
    enabled: settings.enabled,
    earning: { ...settings.earning, lotLifetimeMonths: settings.earning.lotLifetimeMonths ?? '' },
    bonusActions: { ...settings.bonusActions },
    pointValueMinor: settings.pointValueMinor,
    tierBasis: settings.tierBasis,
    tierPeriod: settings.tierPeriod,
    tiers: settings.tiers.map((tier) => ({ ...tier, key: rowKey(), threshold: tier.threshold / scale })),
    campaigns: settings.campaigns.map((campaign) => ({ ...campaign, key: rowKey() })),
  };
}

const num = (value: Num): number => (value === '' ? Number.NaN : Number(value));

export function formToSettings(values: ProgramFormValues, currency: string): LoyaltySettingsInput {
  const scale = values.tierBasis === 'spend' ? spendScale(currency) : 1;
  const { earning } = values;
  return {
    enabled: values.enabled,
    earning: {
      pointsPerCurrencyUnit: num(earning.pointsPerCurrencyUnit),
      basis: earning.basis,
      pendingMode: earning.pendingMode,
      pendingDays: num(earning.pendingDays),
      returnWindowDays: num(earning.returnWindowDays),
      expiryMode: earning.expiryMode,
      lotLifetimeMonths: earning.lotLifetimeMonths === '' ? null : num(earning.lotLifetimeMonths),
      inactivityMonths: num(earning.inactivityMonths),
    },
    bonusActions: Object.fromEntries(BONUS_ACTIONS.map((a) => [a, num(values.bonusActions[a])])) as Record<BonusAction, number>,
    pointValueMinor: num(values.pointValueMinor),
    tierBasis: values.tierBasis,
    tierPeriod: values.tierPeriod,
    // Rounded: 12.34 × 100 is 1233.9999… in floating point.
    tiers: values.tiers.map(({ key: _key, ...tier }) => ({
      ...tier,
      threshold: Math.round(num(tier.threshold) * scale * 1e6) / 1e6,
      multiplier: num(tier.multiplier),
    })),
    campaigns: values.campaigns.map(({ key: _key, ...campaign }) => ({
      ...campaign,
      multiplier: num(campaign.multiplier),
      startsOn: campaign.startsOn ?? '',
      endsOn: campaign.endsOn ?? '',
    })),
  };
}

const LAST_SEGMENT_LABELS: Record<string, MessageKey> = {
  pointsPerCurrencyUnit: 'loyalty.program.pointsPerUnit',
  basis: 'loyalty.program.basis',
  pendingDays: 'loyalty.program.pendingDays',
  returnWindowDays: 'loyalty.program.returnWindowDays',
  lotLifetimeMonths: 'loyalty.program.lotLifetimeMonths',
  inactivityMonths: 'loyalty.program.inactivityMonths',
  pointValueMinor: 'loyalty.program.pointValue',
  id: 'loyalty.program.rowId',
  name: 'loyalty.program.rowName',
  threshold: 'loyalty.program.threshold',
  multiplier: 'loyalty.program.multiplier',
  benefits: 'loyalty.program.benefits',
  startsOn: 'loyalty.program.startsOn',
  endsOn: 'loyalty.program.endsOn',
  segment: 'loyalty.program.segment',
  tiers: 'loyalty.program.tiers',
  campaigns: 'loyalty.program.campaigns',
};

/** The name of the field an issue path points at, for "<field> must …". */
export function programFieldLabel(t: Translate, path: string): string {
  const last = path.split('.').pop() ?? path;
  if ((BONUS_ACTIONS as readonly string[]).includes(last)) return t(`loyalty.bonus.${last as BonusAction}`);
  const key = LAST_SEGMENT_LABELS[last];
  return key ? t(key) : last;
}

export function programErrors(t: Translate, issues: FieldIssue[]): Record<string, string> {
  return formErrors(t, issues, (path) => programFieldLabel(t, path));
}

export function validateProgram(values: ProgramFormValues, currency: string, t: Translate): Record<string, string> {
  const parsed = loyaltySettingsSchema.safeParse(formToSettings(values, currency));
  return parsed.success ? {} : programErrors(t, zodIssues(parsed.error));
}

/** A lower-case slug for a row id, from the name typed ("Gold Plus" → "gold-plus"). */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
