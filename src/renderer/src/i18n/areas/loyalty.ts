/**
 * The loyalty area's messages, English and Simplified Chinese side by side.
 * Spread into ../en.ts and ../zh-CN.ts; keys start with 'loyalty.'. The area's
 * parts keep their own files in ./loyalty/ so each stays short.
 */
import { loyaltyCustomerEn, loyaltyCustomerZh } from './loyalty/customer';
import { loyaltyProgramEn, loyaltyProgramZh } from './loyalty/program';
import { loyaltyReportsEn, loyaltyReportsZh } from './loyalty/reports';
import { loyaltyMaintenanceEn, loyaltyMaintenanceZh } from './loyalty/maintenance';
import { loyaltyAwardEn, loyaltyAwardZh } from './loyalty/award';

const loyaltyCommonEn = {
  'loyalty.page.description': 'Points your customers hold, what they may cost you, and the rules that earn and spend them.',
  'loyalty.tab.overview': 'Overview',
  'loyalty.tab.program': 'Program',
  'loyalty.tab.rewards': 'Rewards',
  'loyalty.tab.expiring': 'Expiring soon',
  'loyalty.points': '{points} pts',
  'loyalty.pts': 'pts',
  'loyalty.days': '{days} days',
  'loyalty.save': 'Save',
  'loyalty.cancel': 'Cancel',
  'loyalty.back': 'Back',
  'loyalty.retry': 'Try again',
  'loyalty.done': 'Done',
} as const;

const loyaltyCommonZh: { readonly [K in keyof typeof loyaltyCommonEn]: string } = {
  'loyalty.page.description': '客户持有的积分、可能产生的成本，以及积分的获取与使用规则。',
  'loyalty.tab.overview': '概览',
  'loyalty.tab.program': '积分规则',
  'loyalty.tab.rewards': '奖励',
  'loyalty.tab.expiring': '即将过期',
  'loyalty.points': '{points} 积分',
  'loyalty.pts': '积分',
  'loyalty.days': '{days} 天',
  'loyalty.save': '保存',
  'loyalty.cancel': '取消',
  'loyalty.back': '返回',
  'loyalty.retry': '重试',
  'loyalty.done': '完成',
};

export const loyaltyEn = {
  ...loyaltyCommonEn,
  ...loyaltyProgramEn,
  ...loyaltyCustomerEn,
  ...loyaltyReportsEn,
  ...loyaltyMaintenanceEn,
  ...loyaltyAwardEn,
} as const;

export const loyaltyZh: { readonly [K in keyof typeof loyaltyEn]: string } = {
  ...loyaltyCommonZh,
  ...loyaltyProgramZh,
  ...loyaltyCustomerZh,
  ...loyaltyReportsZh,
  ...loyaltyMaintenanceZh,
  ...loyaltyAwardZh,
};
