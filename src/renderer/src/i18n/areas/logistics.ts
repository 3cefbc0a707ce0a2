/**
 * The logistics area's messages, English and Simplified Chinese side by side.
 * Spread into ../en.ts and ../zh-CN.ts; keys start with 'logistics.'. Split by
 * page in ./logistics/ so each file stays short.
 */
import { logisticsDashboardEn, logisticsDashboardZh } from './logistics/dashboard';
import { logisticsQueueEn, logisticsQueueZh } from './logistics/queue';

export const logisticsEn = { ...logisticsDashboardEn, ...logisticsQueueEn } as const;
export const logisticsZh: Record<keyof typeof logisticsEn, string> = { ...logisticsDashboardZh, ...logisticsQueueZh };
