/** The maintenance line of the loyalty overview. English and Simplified Chinese side by side; spread into ../loyalty.ts. */
export const loyaltyMaintenanceEn = {
  'loyalty.maintenance.never': 'Expiries and birthday bonuses have not been checked yet; Backroom checks every hour.',
  'loyalty.maintenance.last': 'Last maintenance: {time} — {points} points expired',
  'loyalty.maintenance.birthdays': '{count} birthday bonuses given',
  'loyalty.maintenance.run': 'Run now',
  'loyalty.maintenance.running': 'Checking expiries and birthdays…',
  'loyalty.maintenance.done': 'Maintenance done: {points} points expired for {customers} customers, {birthdays} birthday bonuses given.',
} as const;

export const loyaltyMaintenanceZh: { readonly [K in keyof typeof loyaltyMaintenanceEn]: string } = {
  'loyalty.maintenance.never': '尚未检查积分过期和生日奖励；Backroom 每小时检查一次。',
  'loyalty.maintenance.last': '上次维护：{time} — {points} 积分已过期',
  'loyalty.maintenance.birthdays': '已发放 {count} 份生日奖励',
  'loyalty.maintenance.run': '立即运行',
  'loyalty.maintenance.running': '正在检查积分过期和生日…',
  'loyalty.maintenance.done': '维护完成：{customers} 位客户的 {points} 积分已过期，发放了 {birthdays} 份生日奖励。',
};
