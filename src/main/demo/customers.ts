import type { DemoContext } from './context';
import type { LoyaltyLedger } from './loyalty';
import { DAY, isoAt } from './time';
import { COUNTRIES, COUNTRY_PICKER, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, type Country, type Place } from './vocabulary';

export interface Buyer {
  /** null for a guest checkout. */
  customerId: number | null;
  /** 1 for the customer's first order, 2 for the second...; null for guests. */
  orderSeq: number | null;
  country: Country;
  place: Place;
}

/**
 * Decides who places each order and creates customers as they first appear.
 *
 * Orders arrive in time order, so each customer's order sequence is a counter.
 * Returning buyers are drawn from past orders, biased to recent ones: a
 * customer with many orders is proportionally more likely to order again
 * (preferential attachment), which gives the heavy tail real shops show —
 * most customers buy once, a loyal few buy a dozen times.
 */
export class CustomerBook {
  private orderCounts = new Int32Array(1024);
  private homes = new Uint16Array(1024); // country index * 256 + place index
  private readonly pastBuyers: Int32Array;
  private pastBuyerCount = 0;
  private readonly base: number;
  created = 0;

  constructor(
    private readonly ctx: DemoContext,
    private readonly loyalty: LoyaltyLedger,
    orderCount: number,
  ) {
    this.pastBuyers = new Int32Array(orderCount);
    this.base = ctx.tables.customers.nextId();
  }

  /** The first customer id this book creates (customer ids are contiguous from it). */
  get firstId(): number {
    return this.base;
  }

  buyerFor(placedMs: number, channel: string): Buyer {
    const rng = this.ctx.rng;
    const guestShare = channel === 'pos' ? 0.35 : channel === 'marketplace' ? 0.12 : 0.04;
    if (rng.chance(guestShare)) {
      const country = channel === 'pos' ? (COUNTRIES[1] as Country) : COUNTRY_PICKER.pick(rng);
      return { customerId: null, orderSeq: null, country, place: rng.pick(country.places) };
    }
    // Early on there is nobody to come back yet; the returning share ramps up.
    const returningShare = 0.62 * Math.min(1, this.created / 60);
    let customerId: number;
    if (this.pastBuyerCount > 0 && rng.chance(returningShare)) {
      const u = rng.next();
      const back = Math.floor(this.pastBuyerCount * u * u);
      customerId = this.pastBuyers[this.pastBuyerCount - 1 - back] as number;
    } else {
      customerId = this.create(placedMs, channel);
      // Some people sign up for the newsletter and never buy.
      if (rng.chance(0.08)) this.create(placedMs - rng.int(1, 90) * DAY, 'newsletter');
    }
    const slot = customerId - this.base;
    const seq = (this.orderCounts[slot] as number) + 1;
    this.orderCounts[slot] = seq;
    this.pastBuyers[this.pastBuyerCount++] = customerId;
    const home = this.homes[slot] as number;
    const country = COUNTRIES[home >> 8] as Country;
    return { customerId, orderSeq: seq, country, place: country.places[home & 255] as Place };
  }

  /** Inserts a customer whose account dates from around `firstSeenMs`. */
  private create(firstSeenMs: number, source: string): number {
    const { rng, tables } = this.ctx;
    const id = tables.customers.nextId();
    const slot = id - this.base;
    if (slot >= this.orderCounts.length) this.grow();
    const countryIndex = source === 'pos' ? 1 : COUNTRY_PICKER.pickIndex(rng);
    const country = COUNTRIES[countryIndex] as Country;
    const placeIndex = rng.int(0, country.places.length - 1);
    const place = country.places[placeIndex] as Place;
    this.homes[slot] = countryIndex * 256 + placeIndex;
    this.created++;

    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    // Shop counter customers often leave a phone number only.
    const hasEmail = source === 'pos' ? rng.chance(0.55) : rng.chance(0.97);
    const email = hasEmail
      ? `${first}.${last}${id}@${rng.pick(EMAIL_DOMAINS)}`.toLowerCase().replace(/[^a-z0-9.@]/g, '')
      : null;
    const phone = !hasEmail || rng.chance(0.35) ? `+1 555 ${rng.digits(7)}` : null;
    const marketing = rng.chance(source === 'newsletter' ? 1 : 0.55) ? 1 : 0;
    const personalization = rng.chance(0.7) ? 1 : 0;
    const birthday = rng.chance(0.3)
      ? `${rng.int(1950, 2004)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
      : null;
    // Most accounts are made at checkout; some days or weeks before.
    const createdMs = Math.max(
      this.ctx.startMs - 365 * DAY,
      rng.chance(0.7) ? firstSeenMs : firstSeenMs - rng.int(1, 60) * DAY - rng.int(0, 86_399) * 1000,
    );
    const updatedMs = Math.min(this.ctx.nowMs, createdMs + rng.int(0, 200) * DAY);
    tables.customers.add(
      id, 6_100_000_000 + id, email, phone, first, last, country.code,
      place.region, place.city, marketing, personalization, birthday, isoAt(createdMs), isoAt(updatedMs),
    );
    if (marketing && rng.chance(0.5)) this.loyalty.welcome(id, createdMs);
    return id;
  }

  private grow(): void {
    const counts = new Int32Array(this.orderCounts.length * 2);
    counts.set(this.orderCounts);
    this.orderCounts = counts;
    const homes = new Uint16Array(this.homes.length * 2);
    homes.set(this.homes);
    this.homes = homes;
  }
}
