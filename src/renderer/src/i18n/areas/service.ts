/**
 * The service area's messages, English and Simplified Chinese side by side.
 * Spread into ../en.ts and ../zh-CN.ts; keys start with 'service.'.
 */
import { serviceDeskEn } from './service/desk-en';
import { serviceDeskZh } from './service/desk-zh';
import { serviceAdminEn, serviceAdminZh } from './service/admin';

export const serviceEn = {
  ...serviceDeskEn,
  ...serviceAdminEn,
  'service.description': 'Every customer problem in one place: queues with live counts, SLA countdowns and the whole customer beside each ticket.',
};

export const serviceZh: Record<keyof typeof serviceEn, string> = {
  ...serviceDeskZh,
  ...serviceAdminZh,
  'service.description': '每个客户问题都在一处处理：实时计数的队列、SLA 倒计时，以及每个工单旁的完整客户信息。',
};
