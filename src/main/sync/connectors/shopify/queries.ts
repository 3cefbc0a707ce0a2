/**
 * The Admin GraphQL documents the connector sends (API version 2025-10). Costs
 * are kept under Shopify's single-query ceiling of 1,000 points: an order page
 * asks for ORDER_PAGE_SIZE orders with up to LINE_PAGE_SIZE lines each, and
 * an order with more lines has the rest fetched by ORDER_LINES_QUERY.
 */
export const API_VERSION = '2025-10';
export const ORDER_PAGE_SIZE = 8;
export const LINE_PAGE_SIZE = 10;
export const CATALOGUE_PAGE_SIZE = 100;

const MONEY = 'shopMoney { amount currencyCode }';

export const SHOP_QUERY = `query ShopInfo {
  shop { name currencyCode ianaTimezone }
  currentAppInstallation { accessScopes { handle } }
}`;

const LINE_FIELDS = `id title sku quantity product { id }
  originalUnitPriceSet { ${MONEY} } totalDiscountSet { ${MONEY} } discountedTotalSet { ${MONEY} }`;

const CUSTOMER_FIELDS = `id firstName lastName tags createdAt updatedAt
  defaultEmailAddress { emailAddress marketingState } defaultPhoneNumber { phoneNumber }
  defaultAddress { countryCodeV2 provinceCode city }`;

/** The order's own fields, shared by the paged query and the bulk export. */
const ORDER_FIELDS = `id name createdAt processedAt updatedAt cancelledAt closed currencyCode sourceName
  displayFinancialStatus displayFulfillmentStatus tags paymentGatewayNames taxesIncluded
  subtotalPriceSet { ${MONEY} } totalDiscountsSet { ${MONEY} } totalShippingPriceSet { ${MONEY} }
  totalTaxSet { ${MONEY} } totalPriceSet { ${MONEY} } totalRefundedSet { ${MONEY} }
  shippingAddress { countryCodeV2 provinceCode }
  customer { ${CUSTOMER_FIELDS} }
  transactions { id kind status gateway processedAt errorCode amountSet { ${MONEY} } }
  refunds { id createdAt note totalRefundedSet { ${MONEY} } }
  fulfillments { id status displayStatus createdAt updatedAt deliveredAt estimatedDeliveryAt
    trackingInfo { company number url } }`;

export const ORDERS_QUERY = `query OrdersPage($first: Int!, $after: String, $query: String, $withCount: Boolean!) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    edges { cursor node { ${ORDER_FIELDS}
      lineItems(first: ${LINE_PAGE_SIZE}) { pageInfo { hasNextPage endCursor } edges { node { ${LINE_FIELDS} } } } } }
    pageInfo { hasNextPage endCursor }
  }
  ordersCount(query: $query, limit: null) @include(if: $withCount) { count precision }
}`;

export const ORDER_LINES_QUERY = `query OrderLines($id: ID!, $after: String) {
  order(id: $id) { lineItems(first: 50, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${LINE_FIELDS} } } } }
}`;

export const CUSTOMERS_QUERY = `query CustomersPage($first: Int!, $after: String, $query: String, $withCount: Boolean!) {
  customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    edges { cursor node { ${CUSTOMER_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
  customersCount(query: $query, limit: null) @include(if: $withCount) { count precision }
}`;

export const PRODUCTS_QUERY = `query ProductsPage($first: Int!, $after: String, $query: String, $withCount: Boolean!) {
  products(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    edges { cursor node { id title productType vendor tags status totalInventory createdAt updatedAt
      variants(first: 1) { edges { node { sku price } } } } }
    pageInfo { hasNextPage endCursor }
  }
  productsCount(query: $query, limit: null) @include(if: $withCount) { count precision }
}`;

/** Bulk export of every order: nested connections come back as their own JSONL lines with __parentId. */
export const BULK_ORDERS_QUERY = `{ orders(sortKey: UPDATED_AT) { edges { node { ${ORDER_FIELDS}
  lineItems { edges { node { ${LINE_FIELDS} } } } } } } }`;

export const BULK_RUN_MUTATION = `mutation BulkOrders($query: String!) {
  bulkOperationRunQuery(query: $query) { bulkOperation { id status } userErrors { field message } }
}`;

export const BULK_POLL_QUERY = `query BulkStatus {
  currentBulkOperation { id status errorCode objectCount rootObjectCount url partialDataUrl }
}`;

export const ORDER_UPDATE_MUTATION = `mutation OrderUpdate($input: OrderInput!) {
  orderUpdate(input: $input) { order { id updatedAt } userErrors { field message } }
}`;

/** What an order's note or tags are on the shop right before Backroom writes them (see order-edits.ts). */
export const ORDER_FOR_EDIT_QUERY = 'query OrderForEdit($id: ID!) { order(id: $id) { id updatedAt note tags } }';

export const DISCOUNT_BY_CODE_QUERY = 'query DiscountByCode($code: String!) { codeDiscountNodeByCode(code: $code) { id } }';

export const DISCOUNT_BASIC_CREATE = `mutation CouponCreate($discount: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $discount) { codeDiscountNode { id } userErrors { field code message } }
}`;

export const DISCOUNT_FREE_SHIPPING_CREATE = `mutation FreeShippingCreate($discount: DiscountCodeFreeShippingInput!) {
  discountCodeFreeShippingCreate(freeShippingCodeDiscount: $discount) { codeDiscountNode { id } userErrors { field code message } }
}`;

export const ORDER_PAYMENTS_QUERY = `query OrderPayments($id: ID!) {
  order(id: $id) { id currencyCode transactions { id kind status gateway amountSet { ${MONEY} } } refunds { id note } }
}`;

export const REFUND_CREATE_MUTATION = `mutation RefundCreate($input: RefundInput!) {
  refundCreate(input: $input) { refund { id } userErrors { field message } }
}`;
