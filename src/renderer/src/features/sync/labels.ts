import type { OutboxEntry, SyncLogEntry, SyncResourceName, SyncRunSummary } from '../../../../shared/contract';
import { ApiError } from '../../api';
import type { MessageKey, Translate } from '../../i18n';

const PLATFORMS: Record<string, MessageKey> = {
  shopify: 'sync.platform.shopify',
  woocommerce: 'sync.platform.woocommerce',
  vendure: 'sync.platform.vendure',
  csv: 'sync.platform.csv',
  demo: 'sync.platform.demo',
};

/** A platform's name as merchants know it; an unknown one as the core names it. */
export const platformLabel = (t: Translate, platform: string): string => {
  const key = PLATFORMS[platform];
  return key ? t(key) : platform;
};

export const resourceLabel = (t: Translate, resource: SyncResourceName | string): string =>
  (['products', 'customers', 'orders'] as string[]).includes(resource) ? t(`sync.resource.${resource as SyncResourceName}`) : resource;

export const runStatusLabel = (t: Translate, status: SyncRunSummary['status']): string => t(`sync.runStatus.${status}`);
export const RUN_STATUS_COLORS: Record<SyncRunSummary['status'], string> = {
  running: 'blue', succeeded: 'teal', failed: 'red', cancelled: 'gray',
};

const OUTBOX_OPERATIONS: Record<string, MessageKey> = {
  'order.note.set': 'sync.outboxOperation.orderNote',
  'order.tags.set': 'sync.outboxOperation.orderTags',
  'order.refund.create': 'sync.outboxOperation.refund',
  'coupon.create': 'sync.outboxOperation.coupon',
  'product.recommendations.set': 'sync.outboxOperation.recommendations',
  'order.fulfillment.create': 'sync.outboxOperation.fulfilment',
};

/** What a queued change does, in words; an operation this screen does not know yet by its name. */
export const outboxOperationLabel = (t: Translate, operation: string): string => {
  const key = OUTBOX_OPERATIONS[operation];
  return key ? t(key) : operation;
};

export const levelLabel = (t: Translate, level: SyncLogEntry['level']): string => t(`sync.level.${level}`);
export const LEVEL_COLORS: Record<SyncLogEntry['level'], string> = { info: 'blue', warning: 'yellow', error: 'red' };

export const outboxStatusLabel = (t: Translate, status: OutboxEntry['status']): string => t(`sync.outboxStatus.${status}`);
export const OUTBOX_STATUS_COLORS: Record<OutboxEntry['status'], string> = {
  pending: 'blue', sending: 'cyan', done: 'teal', failed: 'red', discarded: 'gray',
};

/**
 * The sentence to show for a refused action. The core words refusals and the
 * platforms' own reasons as full sentences (VALIDATION, CONFLICT, NOT_FOUND,
 * UPSTREAM), and the platform's words must reach the merchant as they are;
 * anything else gets the translated sentence for its code.
 */
export function syncErrorSentence(t: Translate, error: unknown): string {
  if (error instanceof ApiError && ['VALIDATION', 'CONFLICT', 'NOT_FOUND', 'UPSTREAM'].includes(error.code)) return error.message;
  return t(`error.${error instanceof ApiError ? error.code : 'INTERNAL'}`);
}
