/**
 * The fake shop's data, in the Admin GraphQL API's own field names and shapes
 * (2025-10): GIDs, MoneyBag { shopMoney { amount currencyCode } } with decimal
 * strings, SCREAMING_CASE enums, ISO times. Nested lists are plain arrays here;
 * the resolver wraps connections (lineItems, variants) in edges/pageInfo.
 */
export type Json = Record<string, unknown>;

export interface ShopRecord extends Json {
  id: string;
  updatedAt: string;
}

export interface ShopData {
  shop: { name: string; currencyCode: string; ianaTimezone: string };
  orders: ShopRecord[];
  customers: ShopRecord[];
  products: ShopRecord[];
  nextId: number;
}

/** Deterministic: the same seed makes the same shop. */
export function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = Date.parse('2026-01-01T00:00:00Z');
/** Shopify's times have whole seconds. */
const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Shopify prints amounts like "10.0" and "12.34": both forms appear. */
export function amount(minor: number): string {
  const whole = Math.trunc(minor / 100);
  const cents = Math.abs(minor % 100);
  return cents === 0 ? `${whole}.0` : cents % 10 === 0 ? `${whole}.${cents / 10}` : `${whole}.${String(cents).padStart(2, '0')}`;
}

export const moneyBag = (minor: number, currencyCode: string): Json => ({
  shopMoney: { amount: amount(minor), currencyCode },
  presentmentMoney: { amount: amount(minor), currencyCode },
});

const FIRST = ['Ada', 'Bo', 'Chen', 'Dana', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jun'];
const LAST = ['Li', 'Smith', 'Garcia', 'Wang', 'Okafor', 'Novak', 'Silva', 'Kim'];
const CARRIERS = ['UPS', 'USPS', 'FedEx', 'DHL Express'];

export function generateShop(options: { orders: number; seed: number; currency?: string }): ShopData {
  const rand = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const currencyCode = options.currency ?? 'USD';
  const data: ShopData = {
    shop: { name: 'Backroom Test Shop', currencyCode, ianaTimezone: 'America/New_York' },
    orders: [], customers: [], products: [], nextId: 1000,
  };
  const id = (kind: string): string => `gid://shopify/${kind}/${data.nextId++}`;

  for (let p = 0; p < 40; p++) {
    const createdAt = iso(BASE - 400 * 86_400_000 + p * 3_600_000);
    const price = 500 + Math.floor(rand() * 9500);
    data.products.push({
      id: id('Product'), title: `Product ${p + 1}`, handle: `product-${p + 1}`, productType: pick(['Tea', 'Cups', 'Gifts']),
      vendor: pick(['Acme', 'Leaf & Co']), tags: p % 3 === 0 ? ['featured'] : [], status: p % 13 === 12 ? 'ARCHIVED' : 'ACTIVE',
      totalInventory: Math.floor(rand() * 200), createdAt, updatedAt: createdAt,
      variants: [{ id: id('ProductVariant'), sku: `SKU-${p + 1}`, price: amount(price), title: 'Default Title' }],
    });
  }
  const customerCount = Math.max(1, Math.ceil(options.orders / 3));
  for (let c = 0; c < customerCount; c++) {
    const createdAt = iso(BASE - 380 * 86_400_000 + c * 60_000);
    const first = pick(FIRST);
    data.customers.push({
      id: id('Customer'), firstName: first, lastName: pick(LAST), createdAt, updatedAt: createdAt, tags: c % 7 === 0 ? ['vip'] : [],
      defaultEmailAddress: { emailAddress: `${first.toLowerCase()}.${c}@example.com`, marketingState: c % 2 ? 'SUBSCRIBED' : 'NOT_SUBSCRIBED' },
      defaultPhoneNumber: c % 4 === 0 ? { phoneNumber: `+1555000${String(c).padStart(4, '0')}` } : null,
      defaultAddress: { countryCodeV2: pick(['US', 'CA', 'GB']), provinceCode: pick(['NY', 'CA', 'ON', null]), city: pick(['Springfield', 'Riverton']) },
    });
  }
  for (let o = 0; o < options.orders; o++) data.orders.push(generateOrder(data, o, rand, id, pick));
  return data;
}

/** A new order placed at `at`, with fresh ids for it and everything inside it. */
export function appendOrder(data: ShopData, at: Date, seed: number): ShopRecord {
  const rand = random(seed + data.nextId);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const id = (kind: string): string => `gid://shopify/${kind}/${data.nextId++}`;
  const order = generateOrder(data, data.orders.length, rand, id, pick);
  // Placed now: the generator's back-dated times move to `at`, keeping their spacing.
  const shift = at.getTime() - Date.parse(String(order.createdAt));
  const move = (value: unknown): unknown => (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? iso(Date.parse(value) + shift) : value);
  const walk = (value: unknown): unknown => Array.isArray(value) ? value.map(walk)
    : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'id' ? v : walk(v)])) : move(value);
  const placed = walk(order) as ShopRecord;
  data.orders.push(placed);
  return placed;
}

function generateOrder(data: ShopData, index: number, rand: () => number, id: (kind: string) => string,
  pick: <T>(list: readonly T[]) => T): ShopRecord {
  const currency = data.shop.currencyCode;
  const createdMs = BASE - 365 * 86_400_000 + index * 17_000 + Math.floor(rand() * 10_000);
  const lines = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
    const product = pick(data.products);
    const variant = (product.variants as Json[])[0]!;
    const unit = Math.round(Number(variant.price) * 100);
    const quantity = 1 + Math.floor(rand() * 3);
    const discount = rand() < 0.2 ? Math.floor(unit * quantity * 0.1) : 0;
    return { id: id('LineItem'), title: product.title, sku: variant.sku, quantity, product: { id: product.id },
      originalUnitPriceSet: moneyBag(unit, currency), totalDiscountSet: moneyBag(discount, currency),
      discountedTotalSet: moneyBag(unit * quantity - discount, currency), _minor: unit * quantity - discount, _discount: discount };
  });
  const subtotal = lines.reduce((s, l) => s + l._minor, 0);
  const discount = lines.reduce((s, l) => s + l._discount, 0);
  const shipping = rand() < 0.5 ? 599 : 0;
  const tax = Math.round(subtotal * 0.08);
  const total = subtotal + shipping + tax;
  const roll = rand();
  const cancelled = roll < 0.03;
  const refunded = !cancelled && roll < 0.08 ? (roll < 0.05 ? total : Math.floor(total / 2)) : 0;
  const fulfilled = !cancelled && rand() < 0.8;
  const gateway = pick(['shopify_payments', 'paypal', 'manual']);
  const processedAt = iso(createdMs);
  const updatedMs = createdMs + (fulfilled ? 2 * 86_400_000 : 600_000);
  const transactions: Json[] = [{ id: id('OrderTransaction'), kind: 'SALE', status: 'SUCCESS', gateway,
    amountSet: moneyBag(total, currency), processedAt, errorCode: null }];
  if (cancelled) transactions.push({ id: id('OrderTransaction'), kind: 'VOID', status: 'SUCCESS', gateway,
    amountSet: moneyBag(total, currency), processedAt: iso(createdMs + 3_600_000), errorCode: null });
  const refunds: Json[] = refunded > 0 ? [{ id: id('Refund'), createdAt: iso(updatedMs), note: 'Damaged in transit',
    totalRefundedSet: moneyBag(refunded, currency) }] : [];
  if (refunded > 0) transactions.push({ id: id('OrderTransaction'), kind: 'REFUND', status: 'SUCCESS', gateway,
    amountSet: moneyBag(refunded, currency), processedAt: iso(updatedMs), errorCode: null });
  const delivered = fulfilled && rand() < 0.7;
  const fulfillments: Json[] = fulfilled ? [{ id: id('Fulfillment'), status: 'SUCCESS',
    displayStatus: delivered ? 'DELIVERED' : 'IN_TRANSIT', createdAt: iso(createdMs + 86_400_000), updatedAt: iso(updatedMs),
    deliveredAt: delivered ? iso(updatedMs) : null, estimatedDeliveryAt: iso(createdMs + 4 * 86_400_000),
    trackingInfo: [{ company: pick(CARRIERS), number: `1Z${String(index).padStart(10, '0')}`, url: `https://track.example.com/1Z${index}` }] }] : [];
  const customer = rand() < 0.9 ? pick(data.customers) : null;
  return {
    id: id('Order'), name: `#${1001 + index}`, createdAt: processedAt, processedAt, updatedAt: iso(updatedMs),
    cancelledAt: cancelled ? iso(createdMs + 3_600_000) : null, cancelReason: cancelled ? 'CUSTOMER' : null,
    closed: fulfilled, closedAt: fulfilled ? iso(updatedMs) : null, currencyCode: currency, sourceName: pick(['web', 'pos', 'shopify_draft_order']),
    displayFinancialStatus: cancelled ? 'VOIDED' : refunded === total && refunded > 0 ? 'REFUNDED' : refunded > 0 ? 'PARTIALLY_REFUNDED' : 'PAID',
    displayFulfillmentStatus: fulfilled ? 'FULFILLED' : 'UNFULFILLED',
    subtotalPriceSet: moneyBag(subtotal, currency), totalDiscountsSet: moneyBag(discount, currency),
    totalShippingPriceSet: moneyBag(shipping, currency), totalTaxSet: moneyBag(tax, currency),
    totalPriceSet: moneyBag(total, currency), totalRefundedSet: moneyBag(refunded, currency),
    paymentGatewayNames: [gateway], taxesIncluded: false, tags: index % 11 === 0 ? ['wholesale'] : [], note: null,
    shippingAddress: { countryCodeV2: 'US', provinceCode: pick(['NY', 'CA', 'TX']) },
    customer: customer ? { id: customer.id } : null,
    lineItems: lines.map(({ _minor, _discount, ...line }) => { void _minor; void _discount; return line; }),
    transactions, refunds, fulfillments,
  };
}

export { iso };
