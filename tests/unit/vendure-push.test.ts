import { describe, expect, it } from 'vitest';
import { ConnectorError, type OutboxItem } from '../../src/main/sync/connector';
import { createVendureConnector } from '../../src/main/sync/connectors/vendure';
import { fakeVendure, graphqlError, signal, type Handler } from './vendure-fake';

const settings = { shopUrl: 'http://127.0.0.1:3000', timezone: 'UTC', currency: 'USD' };

function item(operation: string, payload: Record<string, unknown>, targetExternalId: string | null = '42'): OutboxItem {
  return { id: 1, operation, targetType: 'order', targetId: 7, targetExternalId, payload, idempotencyKey: `${operation}:1` };
}

function connectorWith(handlers: Record<string, Handler>) {
  const fake = fakeVendure(handlers);
  return { ...fake, connector: createVendureConnector(settings, { platform: 'vendure', apiKey: 'k:1' }, fake.fetch) };
}

/** A small Vendure order with two lines and the fulfilments the mutations below add, kept like the server keeps them. */
function fulfilmentServer(options: { loseFirstAnswer?: boolean; refuse?: string } = {}) {
  const fulfilments: { id: string; state: string; method: string; trackingCode: string; lines: { orderLineId: string; quantity: number }[] }[] = [];
  let lost = options.loseFirstAnswer ?? false;
  const handlers: Record<string, Handler> = {
    BackroomOrderFulfilments: () => ({ order: { id: '42', state: 'PaymentSettled', lines: [{ id: '1', quantity: 2 }, { id: '2', quantity: 1 }], fulfillments: fulfilments } }),
    BackroomAddFulfilment: (variables) => {
      if (options.refuse) return { addFulfillmentToOrder: { __typename: 'FulfillmentStateTransitionError', errorCode: 'FULFILLMENT_STATE_TRANSITION_ERROR', message: options.refuse } };
      const input = variables.input as { lines: { orderLineId: string; quantity: number }[]; handler: { arguments: { name: string; value: string }[] } };
      const arg = (name: string) => input.handler.arguments.find((a) => a.name === name)!.value;
      const created = { id: String(100 + fulfilments.length), state: 'Pending', method: arg('method'), trackingCode: arg('trackingCode'), lines: input.lines };
      fulfilments.push(created);
      if (lost) { lost = false; return { throws: new TypeError('fetch failed') }; }
      return { addFulfillmentToOrder: { __typename: 'Fulfillment', id: created.id, state: created.state, trackingCode: created.trackingCode } };
    },
    BackroomShipFulfilment: (variables) => {
      const found = fulfilments.find((f) => f.id === variables.id)!;
      found.state = String(variables.state);
      return { transitionFulfillmentToState: { __typename: 'Fulfillment', id: found.id, state: found.state } };
    },
  };
  return { fulfilments, handlers };
}

describe('Vendure push: a fulfilment with a tracking number', () => {
  const tracking = item('order.fulfillment.create', { trackingNumber: 'RM123GB', carrier: 'Royal Mail' });

  it('adds a fulfilment of every unfulfilled line with the manual handler, then marks it Shipped', async () => {
    const server = fulfilmentServer();
    const { connector, calls } = connectorWith(server.handlers);
    expect(await connector.push(tracking, signal())).toEqual({ ok: true, remoteId: '100' });
    expect(server.fulfilments).toEqual([{ id: '100', state: 'Shipped', method: 'Royal Mail', trackingCode: 'RM123GB',
      lines: [{ orderLineId: '1', quantity: 2 }, { orderLineId: '2', quantity: 1 }] }]);
    expect(calls.find((c) => c.operation === 'BackroomAddFulfilment')!.variables.input).toMatchObject({ handler: { code: 'manual-fulfillment' } });
  });

  it('a retry after a lost answer finds the first attempt\'s fulfilment: exactly one on the server', async () => {
    const server = fulfilmentServer({ loseFirstAnswer: true });
    const { connector } = connectorWith(server.handlers);
    const first = await connector.push(tracking, signal()).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(ConnectorError);
    expect((first as ConnectorError).retryable).toBe(true);
    expect(await connector.push(tracking, signal())).toEqual({ ok: true, remoteId: '100' });
    expect(await connector.push(tracking, signal())).toEqual({ ok: true, remoteId: '100' });
    expect(server.fulfilments.map((f) => [f.trackingCode, f.state])).toEqual([['RM123GB', 'Shipped']]);
  });

  it('only the named lines, never more than is left to fulfil', async () => {
    const server = fulfilmentServer();
    const { connector } = connectorWith(server.handlers);
    await connector.push(item('order.fulfillment.create', { trackingNumber: 'A1', lines: [{ externalId: '1', quantity: 1 }] }), signal());
    await connector.push(item('order.fulfillment.create', { trackingNumber: 'A2', lines: [{ externalId: '1', quantity: 5 }] }), signal());
    expect(server.fulfilments.map((f) => f.lines)).toEqual([[{ orderLineId: '1', quantity: 1 }], [{ orderLineId: '1', quantity: 1 }]]);
    const none = await connector.push(item('order.fulfillment.create', { trackingNumber: 'A3', lines: [{ externalId: '1', quantity: 1 }] }), signal());
    expect(none).toMatchObject({ ok: false, permanent: true });
    expect(server.fulfilments).toHaveLength(2);
  });

  it('Vendure\'s refusal is permanent and carries its message', async () => {
    const { connector } = connectorWith(fulfilmentServer({ refuse: 'Cannot transition Order from "PaymentAuthorized" to "Shipped"' }).handlers);
    expect(await connector.push(tracking, signal())).toEqual({ ok: false, permanent: true,
      message: 'Vendure refused the fulfilment: Cannot transition Order from "PaymentAuthorized" to "Shipped".' });
  });

  it('without a tracking number or an order id nothing is sent', async () => {
    const { connector, calls } = connectorWith({});
    expect(await connector.push(item('order.fulfillment.create', {}), signal())).toMatchObject({ ok: false, permanent: true });
    expect(await connector.push(item('order.fulfillment.create', { trackingNumber: 'X' }, null), signal())).toMatchObject({ ok: false, permanent: true });
    expect(calls).toEqual([]);
  });
});

describe('Vendure push: notes, tags and coupons', () => {
  it('a note is added once: the same text already in the order\'s notes means it landed', async () => {
    const notes: { id: string; type: string; data: { note: string } }[] = [];
    const { connector, calls } = connectorWith({
      BackroomOrderNotes: () => ({ order: { id: '42', history: { totalItems: notes.length, items: notes } } }),
      BackroomAddNote: (variables) => {
        const input = variables.input as { note: string; isPublic: boolean };
        expect(input.isPublic).toBe(false);
        notes.push({ id: String(notes.length + 1), type: 'ORDER_NOTE', data: { note: input.note } });
        return { addNoteToOrder: { id: '42' } };
      },
    });
    const note = item('order.note.set', { externalId: '42', note: 'Gift wrap, please' });
    expect((await connector.push(note, signal())).ok).toBe(true);
    expect(await connector.push(note, signal())).toEqual({ ok: true, remoteId: '1' });
    expect(notes).toHaveLength(1);
    expect(calls.filter((c) => c.operation === 'BackroomOrderNotes')[0]!.variables.options).toMatchObject({ filter: { type: { eq: 'ORDER_NOTE' } } });
  });

  it('tags: a clear, permanent answer when the server has no Order field for them', async () => {
    const { connector } = connectorWith({ BackroomOrderCustomFields: () => ({ globalSettings: { serverConfig: { entityCustomFields: [{ entityName: 'Customer', customFields: [] }] } } }) });
    const result = await connector.push(item('order.tags.set', { tags: ['vip'] }), signal());
    expect(result).toMatchObject({ ok: false, permanent: true });
    expect((result as { message: string }).message).toMatch(/no order field for tags.*"backroomTags"/);
  });

  it('tags: written whole into the backroomTags custom field when the server defines one', async () => {
    const { connector, calls } = connectorWith({
      BackroomOrderCustomFields: () => ({ globalSettings: { serverConfig: { entityCustomFields: [{ entityName: 'Order', customFields: [{ name: 'backroomTags', type: 'string', list: false }] }] } } }),
      BackroomSetOrderFields: () => ({ setOrderCustomFields: { id: '42' } }),
    });
    expect(await connector.push(item('order.tags.set', { tags: ['vip', 'gift'] }), signal())).toEqual({ ok: true, remoteId: '42' });
    await connector.push(item('order.tags.set', { tags: [] }), signal());
    const sets = calls.filter((c) => c.operation === 'BackroomSetOrderFields').map((c) => c.variables.input);
    expect(sets).toEqual([{ id: '42', customFields: { backroomTags: 'vip, gift' } }, { id: '42', customFields: { backroomTags: '' } }]);
    expect(calls.filter((c) => c.operation === 'BackroomOrderCustomFields')).toHaveLength(1);
  });

  it('a coupon becomes a one-use promotion with its code, once', async () => {
    const promotions: { id: string; couponCode: string }[] = [];
    const { connector, calls } = connectorWith({
      BackroomPromotionByCode: (variables) => {
        const code = ((variables.options as { filter: { couponCode: { eq: string } } }).filter.couponCode.eq);
        return { promotions: { items: promotions.filter((p) => p.couponCode === code) } };
      },
      BackroomCreatePromotion: (variables) => {
        const input = variables.input as { couponCode: string };
        promotions.push({ id: String(promotions.length + 1), couponCode: input.couponCode });
        return { createPromotion: { __typename: 'Promotion', id: String(promotions.length), couponCode: input.couponCode } };
      },
    });
    const coupon = item('coupon.create', { code: 'PTS-7QX', kind: 'fixed_amount', valueMinor: 500, minOrderMinor: 2000, usageLimit: 1 }, null);
    expect(await connector.push(coupon, signal())).toEqual({ ok: true, remoteId: '1' });
    expect(await connector.push(coupon, signal())).toEqual({ ok: true, remoteId: '1' });
    expect(promotions).toHaveLength(1);
    expect(calls.find((c) => c.operation === 'BackroomCreatePromotion')!.variables.input).toMatchObject({
      enabled: true, couponCode: 'PTS-7QX', usageLimit: 1, perCustomerUsageLimit: 1,
      actions: [{ code: 'order_fixed_discount', arguments: [{ name: 'discount', value: '500' }] }],
      conditions: [{ code: 'minimum_order_amount', arguments: [{ name: 'amount', value: '2000' }, { name: 'taxInclusive', value: 'true' }] }],
    });
    const gift = await connector.push(item('coupon.create', { code: 'GIFT-1', kind: 'gift_product' }, null), signal());
    expect(gift).toMatchObject({ ok: false, permanent: true });
  });

  it('a refund is recorded against the settled payment once, found again by its marker after a lost answer', async () => {
    const payments = [
      { id: '7', state: 'Declined', amount: 5000, refunds: [] as { id: string; state: string; total: number; reason: string | null }[] },
      { id: '8', state: 'Settled', amount: 5000, refunds: [{ id: '1', state: 'Settled', total: 1000, reason: 'Damaged' }] },
    ];
    let lose = true;
    const { connector, calls } = connectorWith({
      BackroomOrderPayments: () => ({ order: { id: '42', payments } }),
      BackroomRefundOrder: (variables) => {
        const input = variables.input as { paymentId: string; amount: number; reason: string };
        const payment = payments.find((p) => p.id === input.paymentId)!;
        payment.refunds.push({ id: String(payment.refunds.length + 1), state: 'Pending', total: input.amount, reason: input.reason });
        if (lose) { lose = false; return { throws: new TypeError('fetch failed') }; }
        return { refundOrder: { __typename: 'Refund', id: String(payment.refunds.length), state: 'Pending', total: input.amount } };
      },
    });
    const refund = { ...item('order.refund.create', { amountMinor: 1500, reason: 'Late', note: 'Sorry' }), idempotencyKey: 'order:7:refund:abc' };
    await expect(connector.push(refund, signal())).rejects.toMatchObject({ retryable: true });
    expect(await connector.push(refund, signal())).toEqual({ ok: true, remoteId: '2' });
    expect(payments[1]!.refunds.map((r) => [r.total, r.reason])).toEqual([[1000, 'Damaged'], [1500, 'Late — Sorry [backroom:order:7:refund:abc]']]);
    expect(calls.find((c) => c.operation === 'BackroomRefundOrder')!.variables.input).toEqual({
      paymentId: '8', amount: 1500, reason: 'Late — Sorry [backroom:order:7:refund:abc]', lines: [], shipping: 0, adjustment: 0 });
    const tooMuch = await connector.push({ ...refund, idempotencyKey: 'order:7:refund:def', payload: { amountMinor: 4000 } }, signal());
    expect(tooMuch).toMatchObject({ ok: false, permanent: true, message: expect.stringContaining('at most 2500') });
  });

  it('an operation Vendure has no counterpart for is a permanent, named failure', async () => {
    const { connector } = connectorWith({});
    expect(await connector.push(item('store_credit.issue', {}), signal())).toEqual({ ok: false, permanent: true,
      message: 'Vendure cannot take "store_credit.issue" from Backroom yet; discard it or make the change in Vendure\'s admin.' });
  });

  it('a refused request is permanent with the server\'s message; a server fault is thrown for the engine to retry', async () => {
    const refused = connectorWith({ BackroomOrderNotes: () => graphqlError('No Order with the id "42" could be found', 'ENTITY_NOT_FOUND') });
    expect(await refused.connector.push(item('order.note.set', { note: 'x' }), signal())).toMatchObject({
      ok: false, permanent: true, message: 'Vendure answered with an error: No Order with the id "42" could be found.' });
    const down = connectorWith({ BackroomOrderNotes: () => ({ status: 503, text: '' }) });
    await expect(down.connector.push(item('order.note.set', { note: 'x' }), signal())).rejects.toMatchObject({ retryable: true, status: 503 });
  });
});
