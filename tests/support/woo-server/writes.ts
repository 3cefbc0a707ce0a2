import { wooGmt } from './clock';
import { money } from './generate';
import { WooHttpError } from './errors';
import type { WooServerState } from './state';
import type { WooCoupon, WooMeta, WooOrder, WooProduct } from './types';

/** The writes the outbox makes: order notes, order meta (tags), refunds and coupons, with WooCommerce's refusals. */
type Body = Record<string, unknown>;

function object(body: unknown): Body {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new WooHttpError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
  }
  return body as Body;
}

function required(body: Body, name: string): unknown {
  if (body[name] === undefined || body[name] === '') {
    throw new WooHttpError(400, 'rest_missing_callback_param', `Missing parameter(s): ${name}`, { params: [name] });
  }
  return body[name];
}

function minorOf(text: unknown): number {
  const value = Math.round(Number(text) * 100);
  return Number.isFinite(value) ? value : NaN;
}

export function mergeMeta(state: WooServerState, meta: WooMeta[], updates: unknown): void {
  if (!Array.isArray(updates)) return;
  for (const update of updates as { id?: number; key?: string; value?: unknown }[]) {
    const existing = meta.find((entry) => (update.id !== undefined ? entry.id === update.id : entry.key === update.key));
    if (existing) existing.value = update.value;
    else if (update.key) meta.push({ id: state.newId(), key: update.key, value: update.value });
  }
}

export function updateOrder(state: WooServerState, order: WooOrder, raw: unknown): WooOrder {
  const body = object(raw);
  return state.modifyOrder(order.id, (target) => {
    mergeMeta(state, target.meta_data, body.meta_data);
    if (typeof body.customer_note === 'string') target.customer_note = body.customer_note;
    if (typeof body.status === 'string') target.status = body.status;
  });
}

export function createNote(state: WooServerState, order: WooOrder, raw: unknown): unknown {
  const body = object(raw);
  const note = required(body, 'note');
  return state.addNote(order.id, String(note), body.customer_note === true);
}

export function createRefund(state: WooServerState, order: WooOrder, raw: unknown): unknown {
  const body = object(raw);
  const amount = minorOf(body.amount ?? '0');
  if (!(amount > 0)) throw new WooHttpError(400, 'woocommerce_rest_invalid_order_refund', 'Refund amount must be greater than zero.');
  const refunded = order.refunds.reduce((sum, entry) => sum - minorOf(entry.total), 0);
  if (amount > minorOf(order.total) - refunded) {
    throw new WooHttpError(500, 'woocommerce_rest_cannot_create_order_refund', 'Invalid refund amount.');
  }
  if (body.api_refund !== false && ['bacs', 'cod'].includes(order.payment_method)) {
    throw new WooHttpError(500, 'woocommerce_rest_cannot_create_order_refund', 'The payment gateway for this order does not support automatic refunds.');
  }
  const meta = Array.isArray(body.meta_data) ? (body.meta_data as { key: string; value: unknown }[]) : [];
  return state.addRefund(order.id, amount, typeof body.reason === 'string' ? body.reason : '', meta);
}

export function createCoupon(state: WooServerState, raw: unknown): WooCoupon {
  const body = object(raw);
  const code = String(required(body, 'code')).toLowerCase();
  if (state.coupons.some((coupon) => coupon.code === code)) {
    throw new WooHttpError(400, 'woocommerce_rest_coupon_code_already_exists', 'The coupon code already exists');
  }
  const type = String(body.discount_type ?? 'fixed_cart');
  if (!['percent', 'fixed_cart', 'fixed_product'].includes(type)) {
    throw new WooHttpError(400, 'rest_invalid_param', 'Invalid parameter(s): discount_type', { params: { discount_type: 'discount_type is not one of percent, fixed_cart, and fixed_product.' } });
  }
  const coupon: WooCoupon = {
    id: state.newId(), code, discount_type: type, amount: money(minorOf(body.amount ?? '0')),
    usage_limit: typeof body.usage_limit === 'number' ? body.usage_limit : null, individual_use: body.individual_use === true,
    free_shipping: body.free_shipping === true, minimum_amount: typeof body.minimum_amount === 'string' ? body.minimum_amount : '',
    product_ids: Array.isArray(body.product_ids) ? (body.product_ids as number[]) : [],
    email_restrictions: Array.isArray(body.email_restrictions) ? (body.email_restrictions as string[]) : [],
    date_created_gmt: wooGmt(state.clock()), meta_data: [],
  };
  mergeMeta(state, coupon.meta_data, body.meta_data);
  state.coupons.push(coupon);
  return coupon;
}

/** An id list as WP REST validates `type: array, items: integer`; WooCommerce then drops ids <= 0 and keeps the rest as given. */
function idList(body: Body, name: string): number[] | null {
  const value = body[name];
  if (value === undefined) return null;
  const list = Array.isArray(value) ? value : [value];
  list.forEach((entry, index) => {
    if (typeof entry !== 'number' || !Number.isInteger(entry)) {
      throw new WooHttpError(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`, { params: { [name]: `${name}[${index}] is not of type integer.` } });
    }
  });
  return (list as number[]).filter((id) => id > 0);
}

/** PUT products/<id>: the fields the outbox writes (upsells and cross-sells), then date_modified moves. */
export function updateProduct(state: WooServerState, product: WooProduct, raw: unknown): WooProduct {
  const body = object(raw);
  const upsells = idList(body, 'upsell_ids');
  const crossSells = idList(body, 'cross_sell_ids');
  if (upsells !== null) product.upsell_ids = upsells;
  if (crossSells !== null) product.cross_sell_ids = crossSells;
  mergeMeta(state, product.meta_data, body.meta_data);
  state.touch('products', product.id, state.clock());
  return product;
}
