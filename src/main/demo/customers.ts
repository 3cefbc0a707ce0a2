import type { DemoContext } from './context';
import type { StorePlan } from './plan';
import { Random, STREAM } from './random';
import { DAY, isoAt } from './time';
import { COUNTRIES, COUNTRY_PICKER, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, type Country, type Place } from './vocabulary';

export type CustomerSource = 'checkout' | 'pos' | 'newsletter';

/** Where a customer (or a guest) lives; orders ship there. */
export function homeOf(plan: StorePlan, customerId: number): { country: Country; place: Place } {
  const home = plan.homes[customerId - plan.customerBase - 1] as number;
  const country = COUNTRIES[home >> 8] as Country;
  return { country, place: country.places[home & 255] as Place };
}

export function guestHome(rng: Random): { country: Country; place: Place } {
  const country = COUNTRY_PICKER.pick(rng);
  return { country, place: rng.pick(country.places) };
}

interface Identity {
  first: string;
  last: string;
  email: string | null;
  phone: string | null;
}

/** Who a customer is: the first draws of the customer's own random stream. */
function identityOf(rng: Random, customerId: number, source: CustomerSource): Identity {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  // Shop-counter customers often leave a phone number only.
  const hasEmail = source === 'pos' ? rng.chance(0.55) : rng.chance(0.97);
  const email = hasEmail
    ? `${first}.${last}${customerId}@${rng.pick(EMAIL_DOMAINS)}`.toLowerCase().replace(/[^a-z0-9.@]/g, '')
    : null;
  const phone = !hasEmail || rng.chance(0.35) ? `+1 555 ${rng.digits(7)}` : null;
  return { first, last, email, phone };
}

/** About one new account in a hundred is a second account of an earlier customer. */
const SECOND_ACCOUNT_CHANCE = 0.01;

/**
 * The earlier customer's identity, as a second account shows it: the same
 * person checking out again without signing in, typing the email in other
 * case, or leaving only the same phone number. These are what duplicate
 * detection and merging exist for. The earlier identity is redrawn from its
 * own stream, so it is the same in sequential and parallel generation.
 */
function secondAccountOf(rng: Random, plan: StorePlan, ctx: DemoContext, customerId: number): Identity | null {
  const index = customerId - plan.customerBase;
  if (index < 20 || !rng.chance(SECOND_ACCOUNT_CHANCE)) return null;
  const earlier = customerId - rng.int(1, Math.min(index - 1, 2_000));
  const original = identityOf(Random.stream(ctx.seed, STREAM.customer, earlier - plan.customerBase), earlier, 'checkout');
  if (original.email && (rng.chance(0.7) || !original.phone)) {
    const [local, domain] = original.email.split('@') as [string, string];
    return { ...original, email: `${local.charAt(0).toUpperCase()}${local.slice(1)}@${domain.toUpperCase()}`, phone: null };
  }
  return original.phone ? { ...original, email: null } : null;
}

/**
 * Writes a customer row, drawn from the customer's own random stream. Returns
 * when a welcome bonus is due (the account's creation time), or 0 for none.
 */
export function writeCustomer(
  ctx: DemoContext, plan: StorePlan, customerId: number, firstSeenMs: number, source: CustomerSource,
): number {
  const rng = Random.stream(ctx.seed, STREAM.customer, customerId - plan.customerBase);
  const { country, place } = homeOf(plan, customerId);
  const own = identityOf(rng, customerId, source);
  const marketing = source === 'newsletter' || rng.chance(0.55) ? 1 : 0;
  const personalization = rng.chance(0.7) ? 1 : 0;
  const birthday = rng.chance(0.3)
    ? `${rng.int(1950, 2004)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
    : null;
  // Most accounts are made at checkout; some days or weeks before.
  const createdMs = Math.max(
    ctx.startMs - 365 * DAY,
    source === 'newsletter' || rng.chance(0.3) ? firstSeenMs - rng.int(1, 60) * DAY - rng.int(0, 86_399) * 1000 : firstSeenMs,
  );
  const updatedMs = Math.min(ctx.nowMs, createdMs + rng.int(0, 200) * DAY);
  const welcome = marketing && rng.chance(0.5) ? createdMs : 0;
  const { first, last, email, phone } = secondAccountOf(rng, plan, ctx, customerId) ?? own;
  ctx.tables.customers.add(
    customerId, 6_100_000_000 + customerId, email, phone, first, last, country.code, place.region, place.city,
    marketing, personalization, birthday, isoAt(createdMs), isoAt(updatedMs),
  );
  return welcome;
}
