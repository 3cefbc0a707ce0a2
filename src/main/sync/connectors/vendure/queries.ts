/**
 * The Admin API documents the Vendure connector sends (Vendure 3.x field
 * names; checked against @vendure/core 3.7's admin-api schema). Listings take
 * `options: { skip, take, sort, filter }` and answer `{ items, totalItems }`.
 */
export const LOGIN_MUTATION = `mutation BackroomLogin($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    __typename
    ... on CurrentUser { id identifier }
    ... on ErrorResult { errorCode message }
  }
}`;

/**
 * The connection check. activeAdministrator is null for an API key (its
 * session belongs to the key's own user, not an administrator), so access is
 * proved by reading one of each thing the sync lists.
 */
export const SHOP_QUERY = `query BackroomShop {
  activeChannel { id code defaultCurrencyCode pricesIncludeTax }
  products(options: { take: 1 }) { totalItems }
  customers(options: { take: 1 }) { totalItems }
  orders(options: { take: 1, filter: { active: { eq: false } } }) { totalItems }
}`;

const PRODUCT_FIELDS = `
  id createdAt updatedAt name enabled
  facetValues { name facet { code } }
  variants { id updatedAt sku priceWithTax currencyCode stockOnHand enabled }`;

const CUSTOMER_FIELDS = `
  id createdAt updatedAt firstName lastName phoneNumber emailAddress
  addresses { updatedAt city province phoneNumber defaultShippingAddress defaultBillingAddress country { code } }`;

const ORDER_FIELDS = `
  id code type state active createdAt updatedAt orderPlacedAt currencyCode
  subTotalWithTax shippingWithTax total totalWithTax
  customer { id }
  shippingAddress { countryCode province city }
  billingAddress { countryCode province city }
  lines {
    id quantity unitPriceWithTax linePriceWithTax proratedLinePriceWithTax
    productVariant { id sku name product { id } }
  }
  surcharges { id description sku priceWithTax }
  payments {
    id createdAt updatedAt method amount state transactionId errorMessage
    refunds { id createdAt updatedAt total state reason method }
  }
  fulfillments { id createdAt updatedAt state method trackingCode }`;

export const LISTING_QUERIES = {
  products: `query BackroomProducts($options: ProductListOptions) {
    list: products(options: $options) { totalItems items { ${PRODUCT_FIELDS} } }
  }`,
  customers: `query BackroomCustomers($options: CustomerListOptions) {
    list: customers(options: $options) { totalItems items { ${CUSTOMER_FIELDS} } }
  }`,
  orders: `query BackroomOrders($options: OrderListOptions) {
    list: orders(options: $options) { totalItems items { ${ORDER_FIELDS} } }
  }`,
} as const;

/**
 * The light scans of incremental syncs: only what says when a record or one
 * of its parts last changed (see pages.ts for why the record's own updatedAt
 * is not enough on Vendure).
 */
export const SCAN_QUERIES = {
  products: `query BackroomProductChanges($options: ProductListOptions) {
    list: products(options: $options) { totalItems items { id updatedAt variants { updatedAt } } }
  }`,
  customers: `query BackroomCustomerChanges($options: CustomerListOptions) {
    list: customers(options: $options) { totalItems items { id updatedAt addresses { updatedAt } } }
  }`,
  orders: `query BackroomOrderChanges($options: OrderListOptions) {
    list: orders(options: $options) {
      totalItems items { id updatedAt payments { updatedAt refunds { updatedAt } } fulfillments { updatedAt } }
    }
  }`,
} as const;

/** What a fulfilment push needs to know about the order first: its lines, what is already fulfilled, and how. */
export const ORDER_FULFILMENT_QUERY = `query BackroomOrderFulfilments($id: ID!) {
  order(id: $id) {
    id state
    lines { id quantity }
    fulfillments { id state method trackingCode lines { orderLineId quantity } }
  }
}`;

export const ADD_FULFILMENT_MUTATION = `mutation BackroomAddFulfilment($input: FulfillOrderInput!) {
  addFulfillmentToOrder(input: $input) {
    __typename
    ... on Fulfillment { id state trackingCode }
    ... on ErrorResult { errorCode message }
  }
}`;

export const TRANSITION_FULFILMENT_MUTATION = `mutation BackroomShipFulfilment($id: ID!, $state: String!) {
  transitionFulfillmentToState(id: $id, state: $state) {
    __typename
    ... on Fulfillment { id state }
    ... on ErrorResult { errorCode message }
  }
}`;

export const ORDER_NOTES_QUERY = `query BackroomOrderNotes($id: ID!, $options: HistoryEntryListOptions) {
  order(id: $id) { id history(options: $options) { totalItems items { id type data } } }
}`;

export const ADD_NOTE_MUTATION = `mutation BackroomAddNote($input: AddNoteToOrderInput!) {
  addNoteToOrder(input: $input) { id }
}`;

export const ORDER_CUSTOM_FIELDS_QUERY = `query BackroomOrderCustomFields {
  globalSettings { serverConfig { entityCustomFields { entityName customFields { ... on CustomField { name type list readonly internal } } } } }
}`;

export const SET_ORDER_CUSTOM_FIELDS_MUTATION = `mutation BackroomSetOrderFields($input: UpdateOrderInput!) {
  setOrderCustomFields(input: $input) { id }
}`;

export const PROMOTION_BY_CODE_QUERY = `query BackroomPromotionByCode($options: PromotionListOptions) {
  promotions(options: $options) { items { id couponCode } }
}`;

export const CREATE_PROMOTION_MUTATION = `mutation BackroomCreatePromotion($input: CreatePromotionInput!) {
  createPromotion(input: $input) {
    __typename
    ... on Promotion { id couponCode }
    ... on ErrorResult { errorCode message }
  }
}`;

export const ORDER_PAYMENTS_QUERY = `query BackroomOrderPayments($id: ID!) {
  order(id: $id) { id payments { id state amount refunds { id state total reason } } }
}`;

export const REFUND_ORDER_MUTATION = `mutation BackroomRefundOrder($input: RefundOrderInput!) {
  refundOrder(input: $input) {
    __typename
    ... on Refund { id state total }
    ... on ErrorResult { errorCode message }
  }
}`;
