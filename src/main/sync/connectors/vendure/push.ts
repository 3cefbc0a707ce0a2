import { ConnectorError, type OutboxItem, type PushResult } from '../../connector';
import type { VendureClient } from './client';
import { addVendureFulfilment, FULFILMENT_OPERATION } from './fulfilment';
import { addVendureNote, orderTagField, setVendureTags } from './order-edits';
import { createVendurePromotion } from './promotion';
import { refundVendureOrder } from './refund';

/**
 * Outbox messages sent to Vendure. A refusal Vendure gives (an ErrorResult, a
 * GraphQL error about the request) is permanent and carries its message; a
 * network failure, a timeout or a 5xx is thrown for the engine to retry.
 * Every write first checks whether an earlier attempt already landed.
 */
function orderIdOf(item: OutboxItem): string | null {
  const id = item.targetExternalId ?? (typeof item.payload.externalId === 'string' ? item.payload.externalId : null);
  return id !== null && id.trim() !== '' ? id : null;
}

export class VendurePusher {
  /** The Order custom field for tags, looked up once per connector (undefined: not yet). */
  private tagField: Awaited<ReturnType<typeof orderTagField>> | undefined;

  constructor(private readonly client: VendureClient) {}

  async push(item: OutboxItem, signal: AbortSignal): Promise<PushResult> {
    try {
      return await this.send(item, signal);
    } catch (error) {
      if (!(error instanceof ConnectorError) || error.retryable) throw error;
      return { ok: false, permanent: true, message: error.message, status: error.status };
    }
  }

  private async send(item: OutboxItem, signal: AbortSignal): Promise<PushResult> {
    const orderId = orderIdOf(item);
    if (item.operation.startsWith('order.') && orderId === null) {
      return { ok: false, permanent: true, message: 'The order has no Vendure id (it was not synced from the shop), so the change cannot be sent there.' };
    }
    switch (item.operation) {
      case 'order.note.set':
        return addVendureNote(this.client, orderId!, item, signal);
      case 'order.tags.set':
        if (this.tagField === undefined) this.tagField = await orderTagField(this.client, signal);
        return setVendureTags(this.client, orderId!, item, signal, this.tagField);
      case FULFILMENT_OPERATION:
        return addVendureFulfilment(this.client, orderId!, item, signal);
      case 'order.refund.create':
        return refundVendureOrder(this.client, orderId!, item, signal);
      case 'coupon.create':
        return createVendurePromotion(this.client, item, signal);
      default:
        return { ok: false, permanent: true, message: `Vendure cannot take "${item.operation}" from Backroom yet; discard it or make the change in Vendure's admin.` };
    }
  }
}
