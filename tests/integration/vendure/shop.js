'use strict';
/**
 * What a shop does, through Vendure's own APIs: customers order through the Shop API, staff
 * settle, ship, deliver, cancel and refund through the Admin API. Shared by seed.js and the tests.
 */
const { session, unwrap } = require('./graphql');

const ERROR = '... on ErrorResult { errorCode message }';
const ORDER = `... on Order { id code state totalWithTax currencyCode payments { id state amount } }`;

/**
 * One real checkout: items, customer, address, shipping method, ArrangingPayment, payment.
 * `paymentMethod` 'instant-payment' settles at once; 'standard-payment' only authorizes.
 */
async function placeOrder(shopApi, order) {
  const shop = session(shopApi);
  for (const line of order.lines) {
    const data = await shop.request(
      `mutation ($v: ID!, $q: Int!) { addItemToOrder(productVariantId: $v, quantity: $q) { ${ORDER} ${ERROR} } }`,
      { v: line.variantId, q: line.quantity },
    );
    unwrap(data.addItemToOrder, 'addItemToOrder');
  }
  const customer = await shop.request(
    `mutation ($input: CreateCustomerInput!) { setCustomerForOrder(input: $input) { ${ORDER} ${ERROR} } }`,
    { input: order.customer },
  );
  unwrap(customer.setCustomerForOrder, 'setCustomerForOrder');
  const { firstName, lastName } = order.customer;
  const address = await shop.request(
    `mutation ($input: CreateAddressInput!) { setOrderShippingAddress(input: $input) { ${ORDER} ${ERROR} } }`,
    { input: { fullName: `${firstName} ${lastName}`, streetLine1: order.street ?? '1 High Street', city: order.city ?? 'Leeds',
      postalCode: 'LS1 1AA', countryCode: order.countryCode ?? 'GB' } },
  );
  unwrap(address.setOrderShippingAddress, 'setOrderShippingAddress');
  const { eligibleShippingMethods } = await shop.request('{ eligibleShippingMethods { id name priceWithTax } }');
  const method = eligibleShippingMethods[(order.shippingMethodIndex ?? 0) % eligibleShippingMethods.length];
  unwrap((await shop.request(
    `mutation ($ids: [ID!]!) { setOrderShippingMethod(shippingMethodId: $ids) { ${ORDER} ${ERROR} } }`, { ids: [method.id] },
  )).setOrderShippingMethod, 'setOrderShippingMethod');
  unwrap((await shop.request(
    `mutation { transitionOrderToState(state: "ArrangingPayment") { ${ORDER} ${ERROR} } }`,
  )).transitionOrderToState, 'transitionOrderToState');
  const paid = await shop.request(
    `mutation ($input: PaymentInput!) { addPaymentToOrder(input: $input) { ${ORDER} ${ERROR} } }`,
    { input: { method: order.paymentMethod ?? 'standard-payment', metadata: {} } },
  );
  return unwrap(paid.addPaymentToOrder, 'addPaymentToOrder');
}

/** Staff actions through the Admin API, given an administrator's (or API key's) session. */
function staff(admin) {
  const order = async (id) => (await admin.request(
    `query ($id: ID!) { order(id: $id) { id code state totalWithTax payments { id state amount }
      lines { id quantity } fulfillments { id state trackingCode } } }`, { id },
  )).order;
  return {
    order,
    async settle(orderId) {
      const current = await order(orderId);
      for (const payment of current.payments.filter((p) => p.state === 'Authorized')) {
        unwrap((await admin.request(
          `mutation ($id: ID!) { settlePayment(id: $id) { ... on Payment { id state } ${ERROR} } }`, { id: payment.id },
        )).settlePayment, 'settlePayment');
      }
    },
    /** A fulfilment of every line with a tracking code; returns its id. */
    async fulfil(orderId, trackingCode, method = 'Royal Mail') {
      const current = await order(orderId);
      const data = await admin.request(
        `mutation ($input: FulfillOrderInput!) { addFulfillmentToOrder(input: $input) { ... on Fulfillment { id state } ${ERROR} } }`,
        { input: {
          lines: current.lines.map((line) => ({ orderLineId: line.id, quantity: line.quantity })),
          handler: { code: 'manual-fulfillment', arguments: [{ name: 'method', value: method }, { name: 'trackingCode', value: trackingCode }] },
        } },
      );
      return unwrap(data.addFulfillmentToOrder, 'addFulfillmentToOrder').id;
    },
    async moveFulfilment(fulfilmentId, state) {
      unwrap((await admin.request(
        `mutation ($id: ID!, $s: String!) { transitionFulfillmentToState(id: $id, state: $s) { ... on Fulfillment { id state } ${ERROR} } }`,
        { id: fulfilmentId, s: state },
      )).transitionFulfillmentToState, `transitionFulfillmentToState ${state}`);
    },
    async cancel(orderId, reason = 'Customer changed their mind') {
      unwrap((await admin.request(
        `mutation ($input: CancelOrderInput!) { cancelOrder(input: $input) { ... on Order { id state } ${ERROR} } }`,
        { input: { orderId, reason, cancelShipping: true } },
      )).cancelOrder, 'cancelOrder');
    },
    async refund(orderId, amount, reason = 'Damaged in transit') {
      const current = await order(orderId);
      const payment = current.payments.find((p) => p.state === 'Settled');
      return unwrap((await admin.request(
        `mutation ($input: RefundOrderInput!) { refundOrder(input: $input) { ... on Refund { id state total } ${ERROR} } }`,
        // Vendure documents `amount` alone as the way since 2.2, but then refund.shipping is NULL and SQLite refuses it.
        { input: { paymentId: payment.id, amount, reason, lines: [], shipping: 0, adjustment: 0 } },
      )).refundOrder, 'refundOrder');
    },
    async editCustomer(customerId, fields) {
      unwrap((await admin.request(
        `mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { ... on Customer { id } ${ERROR} } }`,
        { input: { id: customerId, ...fields } },
      )).updateCustomer, 'updateCustomer');
    },
  };
}

/** Seeded PRNG (mulberry32): the same seed places the same orders. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

module.exports = { placeOrder, staff, prng };
