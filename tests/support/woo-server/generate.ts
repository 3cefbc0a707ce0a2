import { wooGmt, wooLocal } from './clock';
import type { WooAddress, WooCustomer, WooMeta, WooOrder, WooProduct } from './types';

/** A deterministic random source (mulberry32), so a seed always builds the same shop. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const GENERATED_FROM = Date.parse('2025-01-01T00:00:00Z');
const FIRST = ['Ava', 'Liam', 'Mia', 'Noah', 'Zoe', 'Wei', 'Li', 'Omar', 'Sara', 'Ivan', 'Lena', 'Kai'];
const LAST = ['Smith', 'Chen', 'Garcia', 'Müller', 'Okafor', 'Tanaka', 'Rossi', 'Novak', 'Wang', 'Dubois'];
const CITIES: [string, string, string][] = [
  ['Portland', 'OR', 'US'], ['Austin', 'TX', 'US'], ['Toronto', 'ON', 'CA'], ['Leeds', 'ENG', 'GB'], ['Berlin', 'BE', 'DE'],
];
const CATEGORIES = ['Tea', 'Coffee', 'Mugs', 'Gifts'];
const BRANDS = ['Hillside', 'North Leaf', 'Kettle & Co'];
const PAYMENTS: [string, string][] = [['stripe', 'Credit card (Stripe)'], ['paypal', 'PayPal'], ['bacs', 'Direct bank transfer'], ['cod', 'Cash on delivery']];

export const money = (minor: number): string => (minor / 100).toFixed(2);
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

type Stamped<P extends string> = { [K in P | `${P}_gmt`]: string };

export function dates<P extends 'date_created' | 'date_modified'>(prefix: P, instantMs: number, timezone: string): Stamped<P> {
  return { [prefix]: wooLocal(instantMs, timezone), [`${prefix}_gmt`]: wooGmt(instantMs) } as Stamped<P>;
}

function address(random: () => number, first: string, last: string, email: string | null): WooAddress {
  const [city, state, country] = pick(random, CITIES);
  const base: WooAddress = {
    first_name: first, last_name: last, company: '', address_1: `${1 + Math.floor(random() * 900)} Main St`,
    address_2: '', city, state, postcode: String(10000 + Math.floor(random() * 89999)), country,
    phone: `+1555${String(Math.floor(random() * 1e7)).padStart(7, '0')}`,
  };
  return email === null ? base : { ...base, email };
}

export function generateProducts(count: number, random: () => number, timezone: string): WooProduct[] {
  return Array.from({ length: count }, (_, index): WooProduct => {
    const id = 100 + index;
    const created = GENERATED_FROM - (count - index) * 86_400_000;
    const priceMinor = 500 + Math.floor(random() * 60) * 100 + 99;
    const category = pick(random, CATEGORIES);
    const brand = pick(random, BRANDS);
    return {
      id, name: `${category} no. ${index + 1}`, slug: `product-${id}`, permalink: `https://shop.example/product/product-${id}/`,
      type: 'simple', status: index % 25 === 24 ? 'draft' : 'publish',
      ...dates('date_created', created, timezone), ...dates('date_modified', created + 3_600_000, timezone),
      sku: `SKU-${id}`, price: money(priceMinor), regular_price: money(priceMinor), sale_price: '',
      manage_stock: true, stock_quantity: Math.floor(random() * 200), stock_status: 'instock',
      categories: [{ id: CATEGORIES.indexOf(category) + 15, name: category, slug: category.toLowerCase() }],
      tags: [{ id: 40, name: 'bestseller', slug: 'bestseller' }].slice(0, index % 3 === 0 ? 1 : 0),
      brands: [{ id: BRANDS.indexOf(brand) + 60, name: brand, slug: brand.toLowerCase().replace(/\W+/g, '-') }],
      meta_data: [], upsell_ids: [], cross_sell_ids: [],
    };
  });
}

export function generateCustomers(count: number, random: () => number, timezone: string): WooCustomer[] {
  return Array.from({ length: count }, (_, index): WooCustomer => {
    const id = 2 + index;
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const email = `${first.toLowerCase()}.${id}@example.com`;
    const created = GENERATED_FROM - (count - index) * 3_600_000;
    return {
      id, ...dates('date_created', created, timezone), ...dates('date_modified', created + 60_000, timezone),
      email, first_name: first, last_name: last, role: 'customer', username: `${first.toLowerCase()}${id}`,
      billing: address(random, first, last, email), shipping: address(random, first, last, null),
      is_paying_customer: true, avatar_url: '', meta_data: [],
    };
  });
}

/** Status, refund and tracking mix of a small shop: mostly completed, a few of everything else. */
function statusFor(roll: number): { status: string; refund: 'none' | 'partial' | 'full' } {
  if (roll < 0.52) return { status: 'completed', refund: 'none' };
  if (roll < 0.56) return { status: 'completed', refund: 'partial' };
  if (roll < 0.76) return { status: 'processing', refund: 'none' };
  if (roll < 0.81) return { status: 'pending', refund: 'none' };
  if (roll < 0.86) return { status: 'on-hold', refund: 'none' };
  if (roll < 0.91) return { status: 'cancelled', refund: 'none' };
  if (roll < 0.97) return { status: 'refunded', refund: 'full' };
  return { status: 'failed', refund: 'none' };
}

export interface GeneratedOrder { order: WooOrder; refundMinor: number; createdMs: number }

export function generateOrder(id: number, createdMs: number, modifiedMs: number, random: () => number, shop: {
  timezone: string; currency: string; products: WooProduct[]; customers: WooCustomer[];
}): GeneratedOrder {
  const { status, refund } = statusFor(random());
  const guest = random() < 0.2 || shop.customers.length === 0;
  const customer = guest ? null : pick(random, shop.customers);
  const first = customer?.first_name ?? pick(random, FIRST);
  const last = customer?.last_name ?? pick(random, LAST);
  const email = customer?.email ?? `guest.${id}@example.net`;
  const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, index) => {
    const product = pick(random, shop.products);
    const quantity = 1 + Math.floor(random() * 3);
    const unit = Math.round(Number(product.price) * 100);
    return {
      id: id * 10 + index, name: product.name, product_id: product.id, variation_id: 0, quantity, tax_class: '',
      subtotal: money(unit * quantity), subtotal_tax: '0.00', total: money(unit * quantity), total_tax: '0.00',
      taxes: [], meta_data: [], sku: product.sku, price: unit / 100,
    };
  });
  const subtotal = lines.reduce((sum, line) => sum + Math.round(Number(line.subtotal) * 100), 0);
  const discount = random() < 0.15 ? Math.round(subtotal * 0.1) : 0;
  const shipping = random() < 0.3 ? 0 : 599;
  const tax = Math.round((subtotal - discount) * 0.08);
  const total = subtotal - discount + shipping + tax;
  const [method, methodTitle] = pick(random, PAYMENTS);
  const paid = !['pending', 'failed', 'on-hold', 'cancelled'].includes(status);
  const completed = status === 'completed' || status === 'refunded';
  const meta: WooMeta[] = [];
  if (completed && random() < 0.7) {
    meta.push({ id: id * 100 + 1, key: '_wc_shipment_tracking_items', value: [{
      tracking_provider: pick(random, ['usps', 'ups', 'fedex']), custom_tracking_provider: '', custom_tracking_link: '',
      tracking_number: `9400${String(id).padStart(12, '0')}`, date_shipped: String(Math.floor((createdMs + 86_400_000) / 1000)),
      tracking_id: `trk${id.toString(16)}`,
    }] });
  }
  const refundMinor = refund === 'full' ? total : refund === 'partial' ? Math.min(total, 500) : 0;
  const order: WooOrder = {
    id, parent_id: 0, number: String(id), order_key: `wc_order_${id.toString(36)}k`, created_via: 'checkout', version: '9.4.2',
    status, currency: shop.currency,
    ...dates('date_created', createdMs, shop.timezone), ...dates('date_modified', modifiedMs, shop.timezone),
    discount_total: money(discount), discount_tax: '0.00', shipping_total: money(shipping), shipping_tax: '0.00',
    cart_tax: money(tax), total: money(total), total_tax: money(tax), prices_include_tax: false,
    customer_id: customer?.id ?? 0, customer_note: '',
    billing: address(random, first, last, email), shipping: address(random, first, last, null),
    payment_method: method, payment_method_title: methodTitle, transaction_id: paid && method !== 'cod' ? `txn_${id}` : '',
    date_paid: paid ? wooLocal(createdMs + 60_000, shop.timezone) : null, date_paid_gmt: paid ? wooGmt(createdMs + 60_000) : null,
    date_completed: completed ? wooLocal(createdMs + 86_400_000, shop.timezone) : null,
    date_completed_gmt: completed ? wooGmt(createdMs + 86_400_000) : null,
    meta_data: meta, line_items: lines,
    tax_lines: tax > 0 ? [{ id: id * 10 + 7, rate_code: 'US-TAX-1', rate_id: 1, label: 'Tax', compound: false, tax_total: money(tax), shipping_tax_total: '0.00' }] : [],
    shipping_lines: [{ id: id * 10 + 8, method_title: shipping ? 'Flat rate' : 'Free shipping', method_id: shipping ? 'flat_rate' : 'free_shipping', total: money(shipping), total_tax: '0.00' }],
    fee_lines: [], coupon_lines: [], refunds: [],
  };
  return { order, refundMinor, createdMs };
}
