import type { CampaignGoal, CampaignMechanic, CampaignStatus } from '../../../../shared/contract';
import type { MessageKey } from '../../i18n';

export type MechanicKind = CampaignMechanic['kind'];
export const MECHANIC_KINDS: readonly MechanicKind[] = ['multiplier', 'bonus', 'coupon', 'streak', 'draw', 'priceList'];

export const STATUS_LABEL: Record<CampaignStatus, MessageKey> = {
  draft: 'campaigns.status.draft',
  scheduled: 'campaigns.status.scheduled',
  running: 'campaigns.status.running',
  ended: 'campaigns.status.ended',
  cancelled: 'campaigns.status.cancelled',
};

/** Drafts grey, what is coming blue, what is on green, what is over dimmed, cancelled red. */
export const STATUS_COLOR: Record<CampaignStatus, string> = {
  draft: 'gray',
  scheduled: 'blue',
  running: 'teal',
  ended: 'violet',
  cancelled: 'red',
};

export const GOAL_LABEL: Record<CampaignGoal, MessageKey> = {
  reactivate: 'campaigns.goal.reactivate',
  upsell: 'campaigns.goal.upsell',
  reward: 'campaigns.goal.reward',
};

export const MECHANIC_LABEL: Record<MechanicKind, MessageKey> = {
  multiplier: 'campaigns.mechanic.multiplier',
  bonus: 'campaigns.mechanic.bonus',
  coupon: 'campaigns.mechanic.coupon',
  streak: 'campaigns.mechanic.streak',
  draw: 'campaigns.mechanic.draw',
  priceList: 'campaigns.mechanic.priceList',
};
