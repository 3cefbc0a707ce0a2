import { Random, STREAM, WeightedPicker } from './random';
import { orderTimeline } from './time';
import { COUNTRIES, COUNTRY_PICKER, type Country } from './vocabulary';

export const ORDER_CHANNELS = ['online', 'marketplace', 'pos', 'social'];
const CHANNEL_PICKER = new WeightedPicker([0, 1, 2, 3], [70, 14, 8, 8]);
const MARKETPLACE = 1;
const POS = 2;
/** Walk-in customers are local: the shop is in Ontario. */
const HOME_COUNTRY = COUNTRIES.findIndex((c) => c.code === 'CA');

/** `newCustomers` bits: the order's buyer is new, and a newsletter-only customer signed up too. */
export const NEW_BUYER = 1;
const MAX_ORDERS_PER_CUSTOMER = 75;
export const NEWSLETTER_SIGNUP = 2;

/**
 * The skeleton of a store, decided in one cheap sequential pass: when each order
 * is placed, through which channel, by whom, and each customer's home. Everything
 * else about an order is drawn from the order's own random stream, so orders can
 * be written in chunks, by several threads, with the same result.
 * Arrays live in SharedArrayBuffers so worker threads read them without copies.
 */
export interface StorePlan {
  orderCount: number;
  /** placed_at of order i, ascending (ms since epoch). */
  times: Float64Array;
  /** Index into ORDER_CHANNELS. */
  channels: Uint8Array;
  /** Customer id of order i's buyer; 0 for a guest checkout. */
  buyers: Int32Array;
  /** customer_order_seq of order i; 0 for a guest. */
  seqs: Int32Array;
  /** NEW_BUYER | NEWSLETTER_SIGNUP: customers created with order i (the newsletter one takes the next id). */
  newCustomers: Uint8Array;
  /** Customer ids are customerBase + 1 .. customerBase + customerCount. */
  customerBase: number;
  customerCount: number;
  /** Home of customer id c at [c - customerBase - 1]: country index * 256 + place index. */
  homes: Uint16Array;
}

function shared<T extends { BYTES_PER_ELEMENT: number }>(
  Kind: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  length: number,
): T {
  return new Kind(new SharedArrayBuffer(Math.max(1, length) * Kind.BYTES_PER_ELEMENT));
}

/**
 * Returning buyers are drawn mostly from past orders, biased to recent ones — a
 * customer with many orders is proportionally more likely to order again
 * (preferential attachment) — and sometimes from all customers, recent ones
 * first. That gives the heavy tail of real shops: about 60% of customers buy
 * once, a loyal few dozens of times (capped). Orders arrive in time order, so
 * each customer's order sequence is a counter.
 */
export function planStore(seed: number, orderCount: number, startMs: number, nowMs: number, customerBase: number): StorePlan {
  const rng = Random.stream(seed, STREAM.plan, 0);
  const times = orderTimeline(Random.stream(seed, STREAM.timeline, 0), orderCount, startMs, nowMs);
  const channels = shared(Uint8Array, orderCount);
  const buyers = shared(Int32Array, orderCount);
  const seqs = shared(Int32Array, orderCount);
  const newCustomers = shared(Uint8Array, orderCount);
  // At most two customers per order (a buyer and a newsletter signup).
  const homesAll = new Uint16Array(orderCount * 2 + 2);
  const orderCounts = new Int32Array(orderCount * 2 + 2);
  const pastBuyers = new Int32Array(orderCount);
  let pastBuyerCount = 0;
  let created = 0;

  const createCustomer = (walkIn: boolean): number => {
    const country = walkIn ? HOME_COUNTRY : COUNTRY_PICKER.pickIndex(rng);
    homesAll[created] = country * 256 + rng.int(0, (COUNTRIES[country] as Country).places.length - 1);
    return customerBase + ++created;
  };

  for (let i = 0; i < orderCount; i++) {
    const channel = CHANNEL_PICKER.pick(rng);
    channels[i] = channel;
    const guestShare = channel === POS ? 0.35 : channel === MARKETPLACE ? 0.12 : 0.04;
    if (rng.chance(guestShare)) continue;
    // Early on there is nobody to come back yet; the returning share ramps up.
    const returningShare = 0.5 * Math.min(1, created / 60);
    let customerId: number;
    let returning = 0;
    if (pastBuyerCount > 0 && rng.chance(returningShare)) {
      const u = rng.next();
      returning = rng.chance(0.85)
        ? (pastBuyers[pastBuyerCount - 1 - Math.floor(pastBuyerCount * u * u)] as number)
        : customerBase + created - Math.floor(created * u * Math.sqrt(u));
      // Even the most loyal customer of a small shop orders about weekly at most.
      if ((orderCounts[returning - customerBase - 1] as number) >= MAX_ORDERS_PER_CUSTOMER) returning = 0;
    }
    if (returning > 0) {
      customerId = returning;
    } else {
      customerId = createCustomer(channel === POS);
      newCustomers[i] = NEW_BUYER;
      // Some people sign up for the newsletter and buy later, if ever.
      if (rng.chance(0.08)) {
        createCustomer(false);
        newCustomers[i] = NEW_BUYER | NEWSLETTER_SIGNUP;
      }
    }
    const slot = customerId - customerBase - 1;
    seqs[i] = orderCounts[slot] = (orderCounts[slot] as number) + 1;
    buyers[i] = customerId;
    pastBuyers[pastBuyerCount++] = customerId;
  }
  const homes = shared(Uint16Array, created);
  homes.set(homesAll.subarray(0, created));
  const sharedTimes = shared(Float64Array, orderCount);
  sharedTimes.set(times);
  return { orderCount, times: sharedTimes, channels, buyers, seqs, newCustomers, customerBase, customerCount: created, homes };
}

/** The plan's arrays as SharedArrayBuffers, to hand to a worker thread. */
export function planBuffers(plan: StorePlan): Record<string, unknown> {
  return {
    orderCount: plan.orderCount, customerBase: plan.customerBase, customerCount: plan.customerCount,
    times: plan.times.buffer, channels: plan.channels.buffer, buyers: plan.buyers.buffer, seqs: plan.seqs.buffer,
    newCustomers: plan.newCustomers.buffer, homes: plan.homes.buffer,
  };
}

export function planFromBuffers(data: Record<string, unknown>): StorePlan {
  const buffer = (name: string) => data[name] as SharedArrayBuffer;
  return {
    orderCount: data.orderCount as number, customerBase: data.customerBase as number,
    customerCount: data.customerCount as number, times: new Float64Array(buffer('times')),
    channels: new Uint8Array(buffer('channels')), buyers: new Int32Array(buffer('buyers')),
    seqs: new Int32Array(buffer('seqs')), newCustomers: new Uint8Array(buffer('newCustomers')),
    homes: new Uint16Array(buffer('homes')),
  };
}
